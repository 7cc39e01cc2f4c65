// SPDX-License-Identifier: MIT
// The binary form of a report (include/trygg/report_bytes.hpp). Little-endian fixed-width
// integers and length-prefixed strings, in the order the fields are declared. Its header holds
// a magic, a layout version, the trygg version (message ids are positions in the compiled
// catalogue) and the framework's digest (results are positions in its rules), so bytes from
// another build or another framework are refused rather than misread.
#include <cstring>
#include <type_traits>

#include "trygg/error.hpp"
#include "trygg/report_bytes.hpp"
#include "trygg/version.hpp"

namespace trygg {
namespace detail {

namespace {
constexpr std::string_view magic = "trygg.report-bytes";
constexpr std::uint32_t layout =
    2;  // 2 (issue 16): waivers, plan states and plan_progress, the comparison with a baseline

/// The unsigned integer an integer or enum is stored as.
template <class T>
struct stored {
  using type = std::make_unsigned_t<T>;
};
template <class T>
requires std::is_enum_v<T>
struct stored<T> {
  using type = std::make_unsigned_t<std::underlying_type_t<T>>;
};

class Writer {
 public:
  template <class T>
  requires std::is_integral_v<T> || std::is_enum_v<T>
  void put(T v) {
    using U = typename stored<T>::type;
    auto u = static_cast<U>(v);
    for (std::size_t i = 0; i < sizeof(U); ++i)
      out.push_back(static_cast<char>((u >> (8 * i)) & 0xFF));
  }
  void put(bool v) { put(static_cast<std::uint8_t>(v)); }
  void put(double v) {
    std::uint64_t u;
    std::memcpy(&u, &v, sizeof u);
    put(u);
  }
  void put(std::string_view s) {
    put(static_cast<std::uint64_t>(s.size()));
    out.append(s);
  }
  void put(const std::string& s) { put(std::string_view(s)); }
  void put(const Date& d) { put(d.days_since_epoch()); }
  template <class T>
  void put(const std::optional<T>& v) {
    put(v.has_value());
    if (v) put(*v);
  }
  template <class T, class F>
  void list(const std::vector<T>& v, F&& each) {
    put(static_cast<std::uint64_t>(v.size()));
    for (const auto& x : v)
      each(x);
  }
  void strings(const std::vector<std::string>& v) {
    list(v, [&](const std::string& s) { put(s); });
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  requires std::is_integral_v<T> || std::is_enum_v<T> T get() {
    using U = typename stored<T>::type;
    need(sizeof(U));
    U u = 0;
    for (std::size_t i = 0; i < sizeof(U); ++i)
      u |= static_cast<U>(static_cast<U>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i));
    pos_ += sizeof(U);
    return static_cast<T>(u);
  }
  bool flag() {
    const auto b = get<std::uint8_t>();
    if (b > 1) damaged();
    return b == 1;
  }
  double real() {
    const auto u = get<std::uint64_t>();
    double v;
    std::memcpy(&v, &u, sizeof v);
    return v;
  }
  std::string text() {
    const auto n = count(1);
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  Date date() { return Date(std::chrono::sys_days(std::chrono::days(get<std::int32_t>()))); }
  std::optional<Date> maybe_date() {
    if (!flag()) return std::nullopt;
    return date();
  }
  /// A count of items each at least `min_bytes` long: never more than the bytes left, so
  /// damaged bytes cannot make the reader allocate without bound.
  std::size_t count(std::size_t min_bytes) {
    const auto n = get<std::uint64_t>();
    if (n > (in_.size() - pos_) / std::max<std::size_t>(min_bytes, 1)) damaged();
    return static_cast<std::size_t>(n);
  }
  std::vector<std::string> strings() {
    std::vector<std::string> v(count(8));
    for (auto& s : v)
      s = text();
    return v;
  }
  [[nodiscard]] bool at_end() const noexcept { return pos_ == in_.size(); }
  [[noreturn]] static void damaged() { throw UsageError("cannot read the report: the bytes are damaged"); }

 private:
  void need(std::size_t n) const {
    if (in_.size() - pos_ < n) damaged();
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

/// The waivers given to the audit and what became of each (Report::waivers).
void write_waivers(Writer& w, const std::vector<WaiverOutcome>& waivers) {
  w.list(waivers, [&](const WaiverOutcome& o) {
    const Waiver& x = o.waiver;
    w.put(x.fingerprint);
    w.put(x.rule);
    w.put(x.subject);
    w.put(x.reason);
    w.put(x.decided_by);
    w.put(x.decided);
    w.put(x.expires);
    w.put(x.file);
    w.put(x.pointer);
    w.put(o.state);
    w.put(o.until);
    w.put(o.capped);
    w.put(o.legal);
    w.list(o.results, [&](std::uint32_t i) { w.put(i); });
    w.put(o.did_you_mean);
  });
}

std::vector<WaiverOutcome> read_waivers(Reader& in, std::size_t results) {
  std::vector<WaiverOutcome> out(in.count(77));  // its fixed part: seven strings, dates, flags, a count
  for (WaiverOutcome& o : out) {
    Waiver& x = o.waiver;
    if (in.flag()) x.fingerprint = in.get<std::uint64_t>();
    x.rule = in.text();
    x.subject = in.text();
    x.reason = in.text();
    x.decided_by = in.text();
    x.decided = in.date();
    x.expires = in.maybe_date();
    x.file = in.text();
    x.pointer = in.text();
    o.state = in.get<WaiverOutcome::State>();
    if (o.state > WaiverOutcome::State::unmatched) Reader::damaged();
    o.until = in.date();
    o.capped = in.flag();
    o.legal = in.flag();
    o.results.resize(in.count(4));
    for (auto& i : o.results) {
      i = in.get<std::uint32_t>();
      if (i >= results) Reader::damaged();
    }
    o.did_you_mean = in.text();
  }
  return out;
}
}  // namespace

struct ReportCodec {
  static void write(Writer& w, const Report& r) {
    w.put(r.organisation_id);
    w.put(r.organisation_name);
    w.put(r.country);
    w.put(r.sector);
    w.put(r.headcount.has_value());
    if (r.headcount) w.put(*r.headcount);
    w.put(r.as_of);
    w.put(r.language);
    w.strings(r.packs);
    w.list(r.results, [&](const Result& x) {
      w.put(x.rule);
      w.put(x.subject.kind);
      w.put(x.subject.unit);
      w.put(x.status);
      w.put(x.evidence_count);
      w.put(x.evidence_first);
      for (const MessageRef* m : {&x.message, &x.expected, &x.found}) {
        w.put(m->first_arg);
        w.put(m->id);
        w.put(m->args);
      }
      w.put(x.next_due);
    });
    w.list(r.findings, [&](const Finding& f) {
      w.put(f.result);
      w.put(f.fingerprint);
      w.put(f.due);
      w.put(f.waiver);
    });
    w.list(r.measure_scores, [&](const MeasureScore& s) {
      w.put(s.measure);
      w.put(s.area);
      w.put(s.maturity);
      w.strings(s.implemented_by);
      w.strings(s.evidence);
    });
    w.list(r.area_scores, [&](const AreaScore& a) {
      w.put(a.area);
      w.put(a.score);
      w.put(a.measures);
      w.put(a.findings);
    });
    w.list(r.action_plan, [&](const ActionPlanEntry& e) {
      w.put(e.measure);
      w.put(e.area);
      w.put(e.severity);
      w.put(e.due);
      w.strings(e.rules);
      w.list(e.fingerprints, [&](std::uint64_t f) { w.put(f); });
      w.put(e.state);
      w.strings(e.items);
      w.put(e.owner);
      w.put(e.planned_due);
    });
    w.put(r.plan_progress.reported);
    for (std::size_t n :
         {r.plan_progress.items, r.plan_progress.done, r.plan_progress.verified, r.plan_progress.overdue})
      w.put(static_cast<std::uint64_t>(n));
    w.list(r.routines, [&](const RoutineCoverage& c) {
      w.put(c.routine);
      w.put(c.pointer);
      w.list(c.requirements, [&](const RoutineRequirement& q) {
        w.put(q.rule);
        w.put(q.measure);
        w.strings(q.missing);
        w.put(q.reported);
      });
    });
    const Summary& s = r.summary;
    for (std::size_t n : {s.pass, s.fail, s.partial, s.not_applicable, s.not_assessed, s.waived})
      w.put(static_cast<std::uint64_t>(n));
    w.put(r.text_);
    w.strings(r.message_ids_);
    w.strings(r.arg_names_);
    w.list(r.args_, [&](const Report::Arg& a) {
      w.put(a.offset);
      w.put(a.size);
      w.put(a.name);
    });
    w.list(r.paths_, [&](const Report::Path& p) {
      w.put(p.prefix);
      w.put(p.suffix);
    });
    w.list(r.evidence_, [&](const EvidenceRef& e) {
      w.put(e.path);
      w.put(e.index);
    });
    w.list(r.units_, [&](const Report::UnitLabel& u) {
      w.put(u.unit);
      w.put(u.id_offset);
      w.put(u.id_size);
      w.put(u.name_offset);
      w.put(u.name_size);
    });
    w.put(r.units_sorted_);
    write_waivers(w, r.waivers);
    write_comparison(w, r);
  }

  // The comparison with a baseline (issue 16), after everything else: absent, or present with
  // its baseline, one change per finding and the resolved findings.
  static void write_comparison(Writer& w, const Report& r) {
    w.put(r.comparison.has_value());
    if (!r.comparison) return;
    const Comparison& c = *r.comparison;
    w.put(c.baseline_file);
    w.put(c.baseline_format);
    w.put(c.baseline_as_of);
    w.list(c.findings, [&](const FindingChange& f) {
      w.put(f.change);
      w.put(f.first_seen);
      w.put(f.before.has_value());
      if (f.before) w.put(*f.before);
      w.put(f.figures_changed);
    });
    w.list(c.resolved, [&](const FindingRecord& f) {
      w.put(f.fingerprint);
      for (const std::string* s :
           {&f.rule, &f.measure, &f.area, &f.subject_id, &f.subject_name, &f.figures, &f.waiver_reason})
        w.put(*s);
      w.put(f.severity);
      w.put(f.obligation);
      w.put(f.status);
      w.put(f.first_seen);
    });
  }

  static void read_comparison(Reader& in, Report& r) {
    if (!in.flag()) return;
    Comparison& c = r.comparison.emplace();
    c.baseline_file = in.text();
    c.baseline_format = in.text();
    c.baseline_as_of = in.date();
    c.findings.resize(in.count(7));
    if (c.findings.size() != r.findings.size()) Reader::damaged();  // parallel to the findings
    for (FindingChange& f : c.findings) {
      f.change = in.get<Change>();
      if (f.change > Change::resolved) Reader::damaged();
      f.first_seen = in.date();
      if (in.flag()) f.before = in.get<Status>();
      f.figures_changed = in.flag();
    }
    c.resolved.resize(in.count(68));
    for (FindingRecord& f : c.resolved) {
      f.fingerprint = in.get<std::uint64_t>();
      for (std::string* s :
           {&f.rule, &f.measure, &f.area, &f.subject_id, &f.subject_name, &f.figures, &f.waiver_reason})
        *s = in.text();
      f.severity = in.get<Severity>();
      f.obligation = in.get<Obligation>();
      f.status = in.get<Status>();
      f.first_seen = in.maybe_date();
    }
  }

  static void read(Reader& in, Report& r) {
    r.organisation_id = in.text();
    r.organisation_name = in.text();
    r.country = in.text();
    r.sector = in.text();
    if (in.flag()) r.headcount = in.get<std::uint32_t>();
    r.as_of = in.date();
    r.language = in.get<Language>();
    r.packs = in.strings();
    const std::size_t rules = r.framework.rules().size();
    r.results.resize(in.count(36));
    for (Result& x : r.results) {
      x.rule = in.get<std::uint32_t>();
      if (x.rule >= rules) Reader::damaged();
      x.subject.kind = in.get<Subject::Kind>();
      x.subject.unit = in.get<Index>();
      x.status = in.get<Status>();
      x.evidence_count = in.get<std::uint16_t>();
      x.evidence_first = in.get<std::uint32_t>();
      for (MessageRef* m : {&x.message, &x.expected, &x.found}) {
        m->first_arg = in.get<std::uint32_t>();
        m->id = in.get<std::uint16_t>();
        m->args = in.get<std::uint16_t>();
      }
      x.next_due = in.maybe_date();
    }
    r.findings.resize(in.count(20));
    for (Finding& f : r.findings) {
      f.result = in.get<std::uint32_t>();
      if (f.result >= r.results.size()) Reader::damaged();
      f.fingerprint = in.get<std::uint64_t>();
      f.due = in.date();
      f.waiver = in.get<std::uint32_t>();
    }
    r.measure_scores.resize(in.count(20));
    for (MeasureScore& s : r.measure_scores) {
      s.measure = in.text();
      s.area = in.text();
      s.maturity = in.get<int>();
      s.implemented_by = in.strings();
      s.evidence = in.strings();
    }
    r.area_scores.resize(in.count(24));
    for (AreaScore& a : r.area_scores) {
      a.area = in.text();
      a.score = in.real();
      a.measures = in.get<int>();
      a.findings = in.get<int>();
    }
    r.action_plan.resize(in.count(30));
    for (ActionPlanEntry& e : r.action_plan) {
      e.measure = in.text();
      e.area = in.text();
      e.severity = in.get<Severity>();
      e.due = in.date();
      e.rules = in.strings();
      e.fingerprints.resize(in.count(8));
      for (auto& f : e.fingerprints)
        f = in.get<std::uint64_t>();
      e.state = in.get<PlanState>();
      if (e.state > PlanState::verified) Reader::damaged();
      e.items = in.strings();
      e.owner = in.text();
      e.planned_due = in.maybe_date();
    }
    r.plan_progress.reported = in.flag();
    for (std::size_t* n :
         {&r.plan_progress.items, &r.plan_progress.done, &r.plan_progress.verified, &r.plan_progress.overdue})
      *n = static_cast<std::size_t>(in.get<std::uint64_t>());
    r.routines.resize(in.count(24));
    for (RoutineCoverage& c : r.routines) {
      c.routine = in.text();
      c.pointer = in.text();
      c.requirements.resize(in.count(25));
      for (RoutineRequirement& q : c.requirements) {
        q.rule = in.text();
        q.measure = in.text();
        q.missing = in.strings();
        q.reported = in.flag();
      }
    }
    Summary& s = r.summary;
    for (std::size_t* n : {&s.pass, &s.fail, &s.partial, &s.not_applicable, &s.not_assessed, &s.waived})
      *n = static_cast<std::size_t>(in.get<std::uint64_t>());
    r.text_ = in.text();
    r.message_ids_ = in.strings();
    r.arg_names_ = in.strings();
    r.args_.resize(in.count(10));
    for (Report::Arg& a : r.args_) {
      a.offset = in.get<std::uint32_t>();
      a.size = in.get<std::uint32_t>();
      a.name = in.get<std::uint16_t>();
      if (std::size_t{a.offset} + a.size > r.text_.size() || a.name >= r.arg_names_.size()) Reader::damaged();
    }
    r.paths_.resize(in.count(16));
    for (Report::Path& p : r.paths_) {
      p.prefix = in.text();
      p.suffix = in.text();
    }
    r.evidence_.resize(in.count(8));
    for (EvidenceRef& e : r.evidence_) {
      e.path = in.get<std::uint32_t>();
      e.index = in.get<Index>();
      if (e.path >= r.paths_.size()) Reader::damaged();
    }
    r.units_.resize(in.count(20));
    for (Report::UnitLabel& u : r.units_) {
      u.unit = in.get<Index>();
      u.id_offset = in.get<std::uint32_t>();
      u.id_size = in.get<std::uint32_t>();
      u.name_offset = in.get<std::uint32_t>();
      u.name_size = in.get<std::uint32_t>();
      if (std::size_t{u.id_offset} + u.id_size > r.text_.size() ||
          std::size_t{u.name_offset} + u.name_size > r.text_.size())
        Reader::damaged();
    }
    r.units_sorted_ = in.flag();
    r.waivers = read_waivers(in, r.results.size());
    for (const Finding& f : r.findings)
      if (f.waiver != Finding::no_waiver && f.waiver >= r.waivers.size()) Reader::damaged();
    read_comparison(in, r);
    // The references of the results must stay inside the tables they index.
    for (const Result& x : r.results) {
      if (std::size_t{x.evidence_first} + x.evidence_count > r.evidence_.size()) Reader::damaged();
      for (const MessageRef* m : {&x.message, &x.expected, &x.found})
        if (std::size_t{m->first_arg} + m->args > r.args_.size()) Reader::damaged();
    }
  }
};

}  // namespace detail

std::uint64_t framework_digest(const Framework& framework) {
  // FNV-1a over what a report's indices and ids depend on.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  const auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;  // a separator, so that "ab","c" and "a","bc" differ
    h *= 0x100000001b3ULL;
  };
  for (const Pack& p : framework.packs()) {
    mix(p.id);
    mix(p.version);
  }
  for (const Rule& r : framework.rules()) {
    mix(r.id);
    mix(std::to_string(static_cast<int>(r.severity)));
  }
  for (const Measure& m : framework.measures())
    mix(m.id);
  return h;
}

std::string report_to_bytes(const Report& report) {
  detail::Writer w;
  w.out.append(detail::magic);
  w.put(detail::layout);
  w.put(std::string_view(TRYGG_VERSION_STRING));
  w.put(framework_digest(report.framework));
  detail::ReportCodec::write(w, report);
  return std::move(w.out);
}

Report report_from_bytes(std::string_view bytes, const Framework& framework) {
  if (bytes.substr(0, detail::magic.size()) != detail::magic)
    throw UsageError("cannot read the report: these are not a trygg report's bytes");
  detail::Reader in(bytes.substr(detail::magic.size()));
  if (in.get<std::uint32_t>() != detail::layout || in.text() != TRYGG_VERSION_STRING)
    throw UsageError("cannot read the report: it was written by another trygg version (send the JSON report instead)");
  if (in.get<std::uint64_t>() != framework_digest(framework))
    throw UsageError("cannot read the report: it was made with another framework (other packs, rules or profile)");
  Report r;
  r.framework = framework;
  detail::ReportCodec::read(in, r);
  if (!in.at_end()) detail::Reader::damaged();
  return r;
}

}  // namespace trygg
