// SPDX-License-Identifier: MIT
// Catch2 v2 (Debian) or v3, behind one include.
#pragma once
#ifdef TRYGG_CATCH3
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif
