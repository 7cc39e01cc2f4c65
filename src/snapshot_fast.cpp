// SPDX-License-Identifier: MIT
// The fast Snapshot reader (snapshot_read.hpp): simdjson's On-Demand API in one forward pass
// over the report, keeping only what a Snapshot needs. `trygg-check diff` reads two reports
// of hundreds of megabytes; the DOM of both (tape plus string copies) was most of its time
// and 1.29 GB of memory (docs/performance.md, "History (issue 16)").
//
// It is deliberately narrow: anything it would have to interpret the way the DOM reader does
// on a doubtful input (a wrong type, a missing member, a duplicate or escaped key, a bad index)
// makes it give up, and the caller reads the text again with the DOM reader, whose
// diagnostics are then the ones the user sees. Every value it does not keep is still walked
// and checked (numbers, literals, string escapes), because On-Demand alone would skip a
// malformed value unseen where the DOM reader reports it.
#include <charconv>
#include <cstring>
#include <unordered_map>

#include <simdjson.h>

#include "json_document.hpp"
#include "snapshot_read.hpp"
#include "trygg/types.hpp"

namespace trygg::detail {
namespace {
namespace od = simdjson::ondemand;

/// Thrown to give up on the fast path; caught once, in read_snapshot_fast.
struct GiveUp {};

[[noreturn]] void give_up() {
  throw GiveUp{};
}

template <typename T>
T ok(simdjson::simdjson_result<T>&& r) {
  T v;
  if (std::move(r).get(v) != simdjson::SUCCESS) give_up();
  return v;
}

/// A key as written. A key with an escape would have to be unescaped before it is compared;
/// trygg writes none, so such a report goes to the DOM reader instead.
std::string_view key_of(od::field& f) {
  const char* const start = f.key().raw();
  const char* p = start;
  while (*p != '"') {
    if (*p == '\\') give_up();
    ++p;
  }
  return {start, static_cast<std::size_t>(p - start)};
}

/// A string value. Without escapes it is viewed in place in the text (stage 1 has checked its
/// UTF-8 and control characters); with them simdjson unescapes it into its own buffer, which
/// also checks the escapes. Either view lives as long as the parser and the text.
std::string_view string_of(od::value& v) {
  const std::string_view token = v.raw_json_token();
  if (token.empty() || token[0] != '"') give_up();
  // memchr, not a loop over bytes: most of the text is long message strings that are only
  // checked. Stage 1 has found the closing quote, so the first quote is it unless an escape
  // comes before it.
  const char* const start = token.data() + 1;
  const auto* quote = static_cast<const char*>(std::memchr(start, '"', token.size() - 1));
  if (!quote) give_up();
  const auto length = static_cast<std::size_t>(quote - start);
  if (std::memchr(start, '\\', length)) return ok(v.get_string());
  return {start, length};
}

/// A whole number from 0, as the DOM reader's index() accepts it.
std::uint64_t index_of(od::value& v) {
  const od::number n = ok(v.get_number());
  if (n.is_uint64()) return n.get_uint64();
  if (n.is_int64() && n.get_int64() >= 0) return static_cast<std::uint64_t>(n.get_int64());
  give_up();
}

/// Any number as a double, converted as the DOM view's number() converts it.
double number_of(od::value& v) {
  const od::number n = ok(v.get_number());
  if (n.is_int64()) return static_cast<double>(n.get_int64());
  if (n.is_uint64()) return static_cast<double>(n.get_uint64());
  return n.get_double();
}

/// Walk a value that is not kept, checking it as the DOM parse would.
void check(od::value& v) {
  switch (ok(v.type())) {
    case od::json_type::object: {
      od::object o = ok(v.get_object());
      for (auto member : o) {
        od::field f = ok(std::move(member));
        (void)key_of(f);
        check(f.value());
      }
      break;
    }
    case od::json_type::array: {
      od::array a = ok(v.get_array());
      for (auto element : a) {
        od::value e = ok(std::move(element));
        check(e);
      }
      break;
    }
    case od::json_type::string:
      (void)string_of(v);
      break;
    case od::json_type::number:
      (void)ok(v.get_number());
      break;
    case od::json_type::boolean:
      (void)ok(v.get_bool());
      break;
    case od::json_type::null:
      if (!ok(v.is_null())) give_up();
      break;
  }
}

/// Calls `each(key, value)` for every member of an object, giving up on a key met twice
/// among `known` (the DOM reader would take the first; this one does not guess). Members
/// `each` leaves unread are checked.
template <std::size_t N, typename Each>
void members(od::value& v, const std::array<std::string_view, N>& known, Each&& each) {
  od::object o = ok(v.get_object());
  std::array<bool, N> seen{};
  for (auto member : o) {
    od::field f = ok(std::move(member));
    const std::string_view key = key_of(f);
    std::size_t k = 0;
    while (k < N && known[k] != key)
      ++k;
    if (k == N) {
      check(f.value());
      continue;
    }
    if (seen[k]) give_up();
    seen[k] = true;
    each(k, f.value());
  }
}

template <typename Each>
void elements(od::value& v, Each&& each) {
  od::array a = ok(v.get_array());
  std::size_t i = 0;
  for (auto element : a) {
    od::value e = ok(std::move(element));
    each(i++, e);
  }
}

bool is_object(od::value& v) {
  return ok(v.type()) == od::json_type::object;
}

std::optional<std::uint64_t> fingerprint_of(std::string_view s) {
  if (s.size() != 16) return std::nullopt;
  for (const char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  std::uint64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

Date date_of(od::value& v) {
  const auto d = Date::parse(string_of(v));
  if (!d) give_up();
  return *d;
}

template <typename T>
T word_of(od::value& v, std::optional<T> (*parse)(std::string_view) noexcept) {
  const auto w = parse(string_of(v));
  if (!w) give_up();
  return *w;
}

struct RuleInfo {
  std::string_view measure, area;
  Severity severity = Severity::medium;
  Obligation obligation = Obligation::good_practice;
};

/// A finding as the report lists it, joined with its result and rule at the end.
struct FindingRef {
  std::uint64_t fingerprint = 0;
  std::uint64_t result = 0;
  std::optional<Date> first_seen;
  std::optional<std::uint64_t> waiver;
};

/// What a finding takes from its result.
struct ResultInfo {
  std::string_view rule, subject_id, subject_name;
  Status status = Status::fail;
  bool organisation = false;  ///< the subject is the organisation (else a unit)
  std::string figures;
};

constexpr std::uint32_t unread = 0xFFFFFFFFu;

class FastReader {
 public:
  FastReader(Snapshot& s, std::size_t text_size) : s_(s), text_size_(text_size) {}

  void read(od::document& doc) {
    od::object root = ok(doc.get_object());
    static constexpr std::array<std::string_view, 11> known{
        "format", "organisation", "as_of",    "area_scores", "measure_scores", "plan_progress",
        "rules",  "results",      "findings", "waivers",     "comparison"};
    std::array<bool, known.size()> seen{};
    for (auto member : root) {
      od::field f = ok(std::move(member));
      const std::string_view key = key_of(f);
      std::size_t k = 0;
      while (k < known.size() && known[k] != key)
        ++k;
      if (k < known.size()) {
        if (seen[k]) give_up();
        seen[k] = true;
      }
      od::value& v = f.value();
      switch (k) {
        case 0:
          s_.format = std::string(string_of(v));
          if (s_.format != "trygg.report/2") give_up();  // format 1 and the refusals: the DOM reader
          break;
        case 1:
          organisation(v);
          break;
        case 2:
          s_.as_of = date_of(v);
          break;
        case 3:
          area_scores(v);
          break;
        case 4:
          measure_scores(v);
          break;
        case 5:
          plan(v);
          break;
        case 6:
          rules(v);
          break;
        case 7:
          results(v);
          break;
        case 8:
          findings(v);
          break;
        case 9:
          waivers(v);
          break;
        default:
          check(v);  // the comparison too: a snapshot takes first_seen from the findings
      }
    }
    // Nothing may follow the report's object.
    const char* after = nullptr;
    if (doc.current_location().get(after) != simdjson::OUT_OF_BOUNDS) give_up();
    // format, organisation, as_of, the scores, rules, results and findings are required
    for (const std::size_t k : {0, 1, 2, 3, 4, 6, 7, 8})
      if (!seen[k]) give_up();
    join();
  }

 private:
  Snapshot& s_;
  std::size_t text_size_;  ///< bounds a result index before the results are read
  bool have_organisation_id_ = false;
  bool results_read_ = false;
  std::unordered_map<std::string_view, RuleInfo> rules_;
  std::vector<FindingRef> findings_;
  bool findings_read_ = false;
  /// When the findings come first (trygg sorts the keys), the results they name: their slot
  /// in results_, or `unread`. Otherwise empty, and every result has a slot.
  std::vector<std::uint32_t> slot_;
  std::vector<ResultInfo> results_;
  std::size_t result_count_ = 0;
  std::vector<std::string_view> reasons_;
  std::vector<std::pair<std::string_view, std::string_view>> args_;  // reused for each result's figures

  void organisation(od::value& v) {
    members<2>(v, {"id", "name"}, [&](std::size_t k, od::value& m) {
      if (k == 0) {
        s_.organisation_id = std::string(string_of(m));
        have_organisation_id_ = true;
      } else if (ok(m.type()) == od::json_type::string) {
        s_.organisation_name = std::string(string_of(m));
      } else {
        check(m);  // the DOM reader ignores a name that is not a string
      }
    });
    if (!have_organisation_id_) give_up();
  }

  void area_scores(od::value& v) {
    elements(v, [&](std::size_t, od::value& a) {
      if (!is_object(a)) return check(a);  // the DOM reader passes over it
      std::optional<std::string_view> id;
      std::optional<double> score;
      members<2>(a, {"area", "score"}, [&](std::size_t k, od::value& m) {
        if (k == 0)
          id = string_of(m);
        else
          score = number_of(m);
      });
      if (!id || !score) give_up();
      s_.area_scores.emplace_back(std::string(*id), *score);
    });
  }

  void measure_scores(od::value& v) {
    elements(v, [&](std::size_t, od::value& e) {
      if (!is_object(e)) return check(e);
      std::optional<std::string_view> id;
      std::optional<std::uint64_t> maturity;
      members<2>(e, {"measure", "maturity"}, [&](std::size_t k, od::value& m) {
        if (k == 0)
          id = string_of(m);
        else
          maturity = index_of(m);
      });
      if (!id || !maturity) give_up();
      s_.measure_scores.emplace_back(std::string(*id), static_cast<int>(*maturity));
    });
  }

  void plan(od::value& v) {
    if (!is_object(v)) return check(v);  // the DOM reader passes over it
    std::array<std::optional<std::uint64_t>, 4> n;
    members<5>(v, {"reported", "items", "done", "verified", "overdue"}, [&](std::size_t k, od::value& m) {
      if (k == 0) {
        if (ok(m.type()) == od::json_type::boolean)
          s_.plan.reported = ok(m.get_bool());
        else
          check(m);
      } else {
        n[k - 1] = index_of(m);
      }
    });
    for (const auto& x : n)
      if (!x) give_up();
    s_.plan.items = static_cast<std::size_t>(*n[0]);
    s_.plan.done = static_cast<std::size_t>(*n[1]);
    s_.plan.verified = static_cast<std::size_t>(*n[2]);
    s_.plan.overdue = static_cast<std::size_t>(*n[3]);
  }

  void rules(od::value& v) {
    od::object o = ok(v.get_object());
    for (auto member : o) {
      od::field f = ok(std::move(member));
      const std::string_view id = key_of(f);
      RuleInfo info;
      std::array<bool, 4> got{};
      members<4>(f.value(), {"measure", "area", "severity", "obligation"}, [&](std::size_t k, od::value& m) {
        got[k] = true;
        if (k == 0)
          info.measure = string_of(m);
        else if (k == 1)
          info.area = string_of(m);
        else if (k == 2)
          info.severity = word_of<Severity>(m, parse_severity);
        else
          info.obligation = word_of<Obligation>(m, parse_obligation);
      });
      for (const bool g : got)
        if (!g) give_up();
      if (!rules_.emplace(id, info).second) give_up();  // a rule listed twice
    }
  }

  void findings(od::value& v) {
    elements(v, [&](std::size_t, od::value& e) {
      FindingRef r;
      bool fingerprint = false, result = false;
      members<4>(e, {"fingerprint", "result", "first_seen", "waiver"}, [&](std::size_t k, od::value& m) {
        if (k == 0) {
          const auto fp = fingerprint_of(string_of(m));
          if (!fp) give_up();
          r.fingerprint = *fp;
          fingerprint = true;
        } else if (k == 1) {
          r.result = index_of(m);
          result = true;
        } else if (k == 2) {
          r.first_seen = date_of(m);
        } else {
          // The DOM reader takes a whole number (a negative one as 0) and passes over the rest.
          if (ok(m.type()) == od::json_type::number) {
            const od::number n = ok(m.get_number());
            if (n.is_uint64())
              r.waiver = n.get_uint64();
            else if (n.is_int64())
              r.waiver = n.get_int64() < 0 ? 0 : static_cast<std::uint64_t>(n.get_int64());
          } else {
            check(m);
          }
        }
      });
      if (!fingerprint || !result) give_up();
      findings_.push_back(r);
    });
    findings_read_ = true;
    if (!results_read_) {
      // The results come next (trygg sorts the keys): read only those the findings name.
      for (const auto& f : findings_) {
        // Each result takes at least two bytes, so a larger index is wrong (the DOM reader
        // says so) and must not size the table.
        if (f.result >= unread || f.result >= text_size_ / 2) give_up();
        if (f.result >= slot_.size()) slot_.resize(f.result + 1, unread);
        if (slot_[f.result] == unread) slot_[f.result] = 0;  // marked; numbered below
      }
      std::uint32_t next = 0;
      for (auto& s : slot_)
        if (s != unread) s = next++;
      results_.resize(next);
    }
  }

  void results(od::value& v) {
    if (results_read_) give_up();
    results_read_ = true;
    const bool named_only = findings_read_;
    elements(v, [&](std::size_t i, od::value& e) {
      ++result_count_;
      if (named_only) {
        if (i >= slot_.size() || slot_[i] == unread) return check(e);
        result(e, results_[slot_[i]]);
      } else {
        result(e, results_.emplace_back());
      }
    });
  }

  void result(od::value& v, ResultInfo& r) {
    std::array<bool, 3> got{};
    members<4>(v, {"rule", "status", "subject", "found"}, [&](std::size_t k, od::value& m) {
      if (k < 3) got[k] = true;
      if (k == 0)
        r.rule = string_of(m);
      else if (k == 1)
        r.status = word_of<Status>(m, parse_status);
      else if (k == 2)
        subject(m, r);
      else
        found(m, r);
    });
    for (const bool g : got)
      if (!g) give_up();
  }

  void subject(od::value& v, ResultInfo& r) {
    std::optional<std::string_view> kind, id;
    members<3>(v, {"kind", "id", "name"}, [&](std::size_t k, od::value& m) {
      if (k == 0) {
        kind = string_of(m);
      } else if (k == 1) {
        if (ok(m.type()) == od::json_type::string)
          id = string_of(m);
        else
          check(m);  // wrong for a unit, ignored for the organisation: decided below
      } else if (ok(m.type()) == od::json_type::string) {
        r.subject_name = string_of(m);
      } else {
        check(m);
      }
    });
    if (!kind) give_up();
    if (*kind == "organisation") {
      r.organisation = true;
    } else if (*kind == "unit" && id) {
      r.subject_id = *id;
    } else {
      give_up();
    }
  }

  void found(od::value& v, ResultInfo& r) {
    // The DOM reader: no figures unless `found` is an object; an id that is not a string is
    // "", and `args` that are not an object give none.
    if (!is_object(v)) return check(v);
    std::string_view id;
    args_.clear();
    members<2>(v, {"id", "args"}, [&](std::size_t k, od::value& m) {
      if (k == 0) {
        if (ok(m.type()) == od::json_type::string)
          id = string_of(m);
        else
          check(m);
        return;
      }
      if (!is_object(m)) return check(m);
      od::object args = ok(m.get_object());
      for (auto member : args) {
        od::field f = ok(std::move(member));
        const std::string_view key = key_of(f);
        // The DOM reader writes an argument that is not a string as JSON; trygg writes none.
        if (ok(f.value().type()) != od::json_type::string) give_up();
        args_.emplace_back(key, string_of(f.value()));
      }
    });
    write_figures(r.figures, id, args_);
  }

  void waivers(od::value& v) {
    if (ok(v.type()) != od::json_type::array) return check(v);  // the DOM reader passes over it
    elements(v, [&](std::size_t, od::value& e) {
      std::string_view reason;
      if (is_object(e))
        members<1>(e, {"reason"}, [&](std::size_t, od::value& m) {
          if (ok(m.type()) == od::json_type::string)
            reason = string_of(m);
          else
            check(m);
        });
      else
        check(e);
      reasons_.push_back(reason);
    });
  }

  void join() {
    s_.findings.reserve(findings_.size());
    for (const FindingRef& f : findings_) {
      if (f.result >= result_count_) give_up();
      const ResultInfo& res = slot_.empty() ? results_[f.result] : results_[slot_[f.result]];
      FindingRecord r;
      r.fingerprint = f.fingerprint;
      r.first_seen = f.first_seen;
      r.rule = std::string(res.rule);
      const auto rule = rules_.find(res.rule);
      if (rule == rules_.end()) give_up();
      r.measure = std::string(rule->second.measure);
      r.area = std::string(rule->second.area);
      r.severity = rule->second.severity;
      r.obligation = rule->second.obligation;
      r.status = res.status;
      if (res.organisation) {
        r.subject_id = s_.organisation_id;
        r.subject_name = s_.organisation_name;
      } else {
        r.subject_id = std::string(res.subject_id);
        r.subject_name = std::string(res.subject_name);
      }
      r.figures = res.figures;
      if (f.waiver && *f.waiver < reasons_.size() && r.status == Status::waived)
        r.waiver_reason = std::string(reasons_[*f.waiver]);
      const bool legal = r.obligation == Obligation::law || r.obligation == Obligation::regulation;
      const bool counts = r.status == Status::fail || r.status == Status::partial || r.status == Status::not_assessed;
      if (legal && counts) ++s_.legal_findings;
      s_.findings.push_back(std::move(r));
    }
  }
};

}  // namespace

std::optional<Snapshot> read_snapshot_fast(std::string_view text, const std::string& file, bool padded) {
  // A byte-order mark is refused by the strict parser, with its own message.
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF)
    return std::nullopt;
  simdjson::padded_string copy;
  const char* data = text.data();
  if (!padded) {
    copy = simdjson::padded_string(text);
    data = copy.data();
  }
  Snapshot s;
  s.file = file;
  try {
    od::parser parser;
    // A report nests a few levels deep; a lower limit than the DOM reader's 64 only sends an
    // unusual text to it, never lets through one it refuses.
    if (parser.allocate(text.size(), 32) != simdjson::SUCCESS) return std::nullopt;
    od::document doc = ok(parser.iterate(data, text.size(), text.size() + simdjson::SIMDJSON_PADDING));
    FastReader(s, text.size()).read(doc);
  } catch (const GiveUp&) {
    return std::nullopt;
  } catch (const simdjson::simdjson_error&) {
    return std::nullopt;
  }
  return s;
}

}  // namespace trygg::detail
