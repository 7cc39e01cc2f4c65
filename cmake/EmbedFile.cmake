# Turn a data file into a C++ source defining `extern const char NAME[]` (NUL-terminated)
# in namespace trygg::detail::embedded. Runs at configure time; the data file is added to
# CMAKE_CONFIGURE_DEPENDS so that editing it re-runs the embedding. A character array, not a
# string literal, so the size is not bounded by any compiler's literal limit.
function(trygg_embed_file input symbol output)
  file(READ "${input}" content HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
  set(TRYGG_EMBED_SYMBOL "${symbol}")
  set(TRYGG_EMBED_BYTES "${bytes}")
  configure_file("${PROJECT_SOURCE_DIR}/cmake/embedded.cpp.in" "${output}" @ONLY)
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${input}")
endfunction()
