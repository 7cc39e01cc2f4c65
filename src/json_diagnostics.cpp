// SPDX-License-Identifier: MIT
// Diagnostics of one input, JSON Pointers (spelled only when a diagnostic is kept) and the
// hint that names a limit.
#include "json_diagnostics.hpp"

#include "identity_number.hpp"
#include "trygg/organisation.hpp"

namespace trygg::detail {

void Diagnostics::add(std::string pointer, std::string expected, std::string found, std::string hint) {
  add(Diagnostic{file_, std::move(pointer), std::move(expected), std::move(found), std::move(hint), 0, 0});
}

void Diagnostics::add(Diagnostic d) {
  ++total_;
  if (list_.size() < cap_) {
    d.file = file_;
    // A last guard: the organisation loader refuses identity numbers before anything else
    // can quote them, but messages made from text it never walked (a syntax error's "last
    // read", a duplicate key) go through here too. Only kept messages are scanned.
    for (std::string* field : {&d.pointer, &d.expected, &d.found, &d.hint})
      if (field->size() >= 10) *field = withhold_identity_numbers(*field);
    list_.push_back(std::move(d));
  }
}

void Diagnostics::throw_if_any() {
  if (total_ > 0) throw LoadError(std::move(list_), total_);
}

void pointer_extend(std::string& p, std::string_view token) {
  p += '/';
  for (char c : token) {
    if (c == '~')
      p += "~0";
    else if (c == '/')
      p += "~1";
    else
      p += c;
  }
}

std::string pointer_append(std::string_view base, std::string_view token) {
  std::string p(base);
  pointer_extend(p, token);
  return p;
}

std::string pointer_append(std::string_view base, std::size_t index) {
  return pointer_append(base, std::to_string(index));
}

}  // namespace trygg::detail

namespace trygg {
std::string limit_hint(std::string_view option, std::string_view field) {
  return "raise the limit with " + std::string(option) + " (Python: " + std::string(field) +
         "=..., C++: LoadLimits::" + std::string(field) + ")";
}
}  // namespace trygg

namespace trygg::detail {

void JsonPath::spell(std::string& out) const {
  // Recursion depth is the nesting of the value, which the loaders bound (max_depth) and the
  // organisation format keeps to a handful of levels.
  if (parent_) parent_->spell(out);
  switch (step_) {
    case Step::root:
      break;
    case Step::spelled:
      out += text_;
      break;
    case Step::key:
      pointer_extend(out, text_);
      break;
    case Step::index:
      out += '/';
      out += std::to_string(index_);
      break;
  }
}

std::string JsonPath::pointer() const {
  std::string out;
  spell(out);
  return out;
}

}  // namespace trygg::detail
