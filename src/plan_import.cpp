// SPDX-License-Identifier: MIT
// The filled-in action plan read back into the organisation file (docs/history.md, "The
// action plan's round trip"; docs/report-format.md, "The filled-in action plan"). The file is
// edited as a tree that keeps member order and every member the loader does not know, so that
// nothing but the plan rows changes; the result goes through the normal loader before it is
// returned, and a problem that comes from the sheet is reported at the sheet's row and column.
#include "trygg/plan_import.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "json_diagnostics.hpp"
#include "json_strict_parse.hpp"
#include "trygg/error.hpp"
#include "trygg/message.hpp"
#include "trygg/organisation.hpp"

namespace trygg {
namespace {

using ordered_json = nlohmann::ordered_json;

/// The sheet's columns the import reads, by position (docs/report-format.md, "Action plan").
struct SheetColumn {
  std::string_view id;
  std::size_t number;  // A = 1
};
constexpr SheetColumn col_measure{"measure", 2}, col_title{"title", 3}, col_due{"due", 6},
    col_fingerprints{"fingerprints", 8}, col_owner{"owner", 9}, col_status{"status", 10}, col_comment{"comment", 11};

Diagnostic sheet_problem(const std::string& file, std::size_t row, const SheetColumn& c, std::string expected,
                         std::string found, std::string hint = {}) {
  const char letter = static_cast<char>('A' + c.number - 1);
  return Diagnostic{file,
                    "/rows/" + std::to_string(row) + "/" + std::string(c.id),
                    std::move(expected) + " in column " + letter + " (" + std::string(c.id) + ")",
                    std::move(found),
                    std::move(hint),
                    row,
                    c.number};
}

std::string quoted_text(std::string_view s) {
  return ordered_json(std::string(s)).dump();
}

std::string trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

/// Lower case for the status words: ASCII and the Nordic capitals Å Ä Ö Æ Ø (two bytes each
/// in UTF-8, the second 0x20 below its small letter's).
std::string folded(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d == 0x85 || d == 0x84 || d == 0x96 || d == 0x86 || d == 0x98) out[i + 1] = static_cast<char>(d + 0x20);
    }
  }
  return out;
}

enum class SheetStatus { none, not_started, in_progress, done, verified };

constexpr std::array<std::pair<std::string_view, SheetStatus>, 4> status_ids{{
    {"not-started", SheetStatus::not_started},
    {"in-progress", SheetStatus::in_progress},
    {"done", SheetStatus::done},
    {"verified", SheetStatus::verified},
}};

/// The status words of the sheet's drop-down in every language, and their ids.
std::optional<SheetStatus> parse_status(std::string_view cell) {
  const std::string f = folded(trimmed(cell));
  if (f.empty()) return SheetStatus::none;
  for (const auto& [id, status] : status_ids) {
    if (f == id) return status;
    for (const Language l : {Language::sv, Language::nb, Language::en})
      if (f == folded(catalogue_text("xlsx.plan-status." + std::string(id), l))) return status;
  }
  return std::nullopt;
}

std::string accepted_status_words() {
  std::set<std::string> words;
  for (const auto& [id, status] : status_ids)
    for (const Language l : {Language::sv, Language::nb, Language::en})
      words.insert(std::string(catalogue_text("xlsx.plan-status." + std::string(id), l)));
  std::string s;
  for (const auto& w : words)
    s += (s.empty() ? "" : ", ") + quoted_text(w);
  return "one of " + s + " (any letter case), or empty";
}

/// YYYY-MM-DD, or DD.MM.YYYY as a spreadsheet with Norwegian settings saves a date.
std::optional<Date> parse_sheet_date(std::string_view s) {
  if (auto d = Date::parse(s)) return d;
  if (s.size() == 10 && s[2] == '.' && s[5] == '.') {
    const std::string iso =
        std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" + std::string(s.substr(0, 2));
    return Date::parse(iso);
  }
  return std::nullopt;
}

bool is_fingerprint(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

/// The fingerprints of column H; a trailing "+N" (more than fit in the cell) is left out.
std::vector<std::string> sheet_fingerprints(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < cell.size()) {
    while (i < cell.size() && (cell[i] == ' ' || cell[i] == '\n' || cell[i] == '\r' || cell[i] == '\t'))
      ++i;
    std::size_t j = i;
    while (j < cell.size() && cell[j] != ' ' && cell[j] != '\n' && cell[j] != '\r' && cell[j] != '\t')
      ++j;
    if (j > i) out.emplace_back(cell.substr(i, j - i));
    i = j;
  }
  if (!out.empty() && out.back().size() > 1 && out.back()[0] == '+' &&
      std::all_of(out.back().begin() + 1, out.back().end(), [](char c) { return c >= '0' && c <= '9'; }))
    out.pop_back();
  return out;
}

/// What a sheet row asks for, checked.
struct Request {
  const PlanSheetRow* row = nullptr;
  std::string measure, owner, comment;
  SheetStatus status = SheetStatus::none;
  std::optional<Date> due;
  std::vector<std::string> fingerprints;
  [[nodiscard]] bool fills_in() const { return !owner.empty() || !comment.empty() || status != SheetStatus::none; }
};

std::vector<Request> check_rows(const std::vector<PlanSheetRow>& rows, const std::string& file,
                                std::vector<Diagnostic>& problems) {
  std::vector<Request> out;
  for (const auto& row : rows) {
    Request q;
    q.row = &row;
    q.measure = trimmed(row.measure);
    q.owner = trimmed(row.owner);
    q.comment = trimmed(row.comment);
    const auto status = parse_status(row.status);
    if (!status)
      problems.push_back(
          sheet_problem(file, row.row, col_status, accepted_status_words(), quoted_text(trimmed(row.status))));
    else
      q.status = *status;
    if (const std::string due = trimmed(row.due); !due.empty()) {
      q.due = parse_sheet_date(due);
      if (!q.due) problems.push_back(sheet_problem(file, row.row, col_due, "a date YYYY-MM-DD", quoted_text(due)));
    }
    for (auto& fp : sheet_fingerprints(row.fingerprints)) {
      if (!is_fingerprint(fp)) {
        problems.push_back(sheet_problem(file, row.row, col_fingerprints,
                                         "fingerprints of 16 hexadecimal digits separated by spaces, perhaps "
                                         "ending in +N",
                                         quoted_text(fp)));
        continue;
      }
      if (std::find(q.fingerprints.begin(), q.fingerprints.end(), fp) == q.fingerprints.end())
        q.fingerprints.push_back(std::move(fp));
    }
    if (q.measure.empty()) {
      // A row without its key can only be left alone, and only when nothing was filled in.
      if (q.fills_in())
        problems.push_back(sheet_problem(file, row.row, col_measure, "the measure id of the plan entry", "\"\""));
      continue;
    }
    out.push_back(std::move(q));
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

/// Which sheet cell a member of a plan row came from, to point a loader problem back at it.
struct Origin {
  std::size_t row = 0;
  std::map<std::string, SheetColumn, std::less<>> members;
};

/// A loader problem in the result, at the sheet cell it came from when it came from one.
Diagnostic traced(Diagnostic d, const std::map<std::size_t, Origin>& origins, const std::string& sheet_file) {
  constexpr std::string_view prefix = "/action_plan/";
  if (d.pointer.rfind(prefix, 0) != 0) return d;
  const std::string rest = d.pointer.substr(prefix.size());
  const auto slash = rest.find('/');
  std::size_t index = 0;
  try {
    index = static_cast<std::size_t>(std::stoul(rest.substr(0, slash)));
  } catch (const std::exception&) {
    return d;
  }
  const auto it = origins.find(index);
  if (it == origins.end() || slash == std::string::npos) return d;
  std::string member = rest.substr(slash + 1);
  member = member.substr(0, member.find('/'));
  const auto m = it->second.members.find(member);
  if (m == it->second.members.end()) return d;
  Diagnostic s = sheet_problem(sheet_file, it->second.row, m->second, d.expected, d.found, d.hint);
  return s;
}

}  // namespace

std::string read_plan_input(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  detail::Diagnostics d(path.string());
  auto text = detail::read_file(path, max_bytes, d);
  d.throw_if_any();
  return std::move(*text);
}

std::vector<PlanSheetRow> read_plan_sheet_csv(std::string_view text, const std::string& file) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
  // The separator is the one the header row uses: a spreadsheet with Nordic settings saves
  // CSV with semicolons.
  char sep = ',';
  {
    std::size_t commas = 0, semicolons = 0;
    bool quoted_part = false;
    for (const char c : text) {
      if (c == '"') quoted_part = !quoted_part;
      if (quoted_part) continue;
      if (c == '\n') break;
      commas += c == ',';
      semicolons += c == ';';
    }
    if (semicolons > commas) sep = ';';
  }
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;  // the line each record starts on
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false, field_started = false;
  std::size_t line = 1, record_line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = field_started = true;
    } else if (c == sep) {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
      records.push_back(std::move(record));
      record.clear();
      lines.push_back(record_line);
      record_line = ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes)
    throw LoadError({Diagnostic{file, "", "a closing quote", "the end of the file inside a quoted cell",
                                "started on line " + std::to_string(record_line), record_line, 0}});
  if (field_started || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
    lines.push_back(record_line);
  }
  if (records.empty())
    throw LoadError(
        {Diagnostic{file, "", "the action plan sheet as CSV, a header row first", "an empty file", {}, 0, 0}});
  if (records[0].size() < 11)
    throw LoadError({Diagnostic{file, "/rows/1", "the header row of the action plan sheet: at least 11 columns, A to K",
                                std::to_string(records[0].size()) + " column(s)",
                                "save the xlsx report's action plan sheet as CSV, without removing columns", 1, 0}});
  std::vector<PlanSheetRow> rows;
  for (std::size_t k = 1; k < records.size(); ++k) {
    auto& r = records[k];
    if (std::all_of(r.begin(), r.end(), [](const std::string& s) { return trimmed(s).empty(); })) continue;
    r.resize(std::max<std::size_t>(r.size(), 11));
    PlanSheetRow row;
    // The row number a spreadsheet shows: records, not lines (a cell may hold line breaks).
    row.row = k + 1;
    row.measure = r[1];
    row.title = r[2];
    row.due = r[5];
    row.fingerprints = r[7];
    row.owner = r[8];
    row.status = r[9];
    row.comment = r[10];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string import_action_plan(std::string_view organisation_json, const std::string& organisation_file,
                               const std::vector<PlanSheetRow>& rows, const std::string& sheet_file,
                               const Framework& framework, Date today) {
  // The file must load as it is: a problem already in it is its own, not the sheet's.
  (void)Organisation::parse(organisation_json, framework, organisation_file);
  std::vector<Diagnostic> problems;
  const std::vector<Request> requests = check_rows(rows, sheet_file, problems);
  if (!problems.empty()) throw LoadError(std::move(problems));

  ordered_json doc = ordered_json::parse(organisation_json);
  // An absent plan ("not reported") stays absent unless a row is added to it.
  const bool had_plan = doc.contains("action_plan");
  ordered_json plan = had_plan ? doc["action_plan"] : ordered_json::array();
  std::set<std::string> ids;  // ids in use, ignoring letter case as the loader does
  for (const auto& a : plan)
    if (a.contains("id") && a["id"].is_string()) ids.insert(lower_ascii(a["id"].get<std::string>()));

  std::map<std::size_t, Origin> origins;
  for (const Request& q : requests) {
    bool found = false;
    for (std::size_t i = 0; i < plan.size(); ++i) {
      ordered_json& a = plan[i];
      if (!a.contains("measure") || a["measure"] != q.measure) continue;
      // A row already done and verified is history: it keeps its owner and dates, and a
      // proposal that persists after it gets a row of its own below (a new round), unless the
      // sheet row only says what that row says (the report pre-fills I and J from it).
      if (a.contains("done") && a.contains("verified")) {
        const bool restates =
            (q.owner.empty() || (a.contains("owner") && a["owner"] == q.owner)) &&
            (q.status == SheetStatus::none || q.status == SheetStatus::done || q.status == SheetStatus::verified) &&
            (q.comment.empty() || (a.contains("comment") && a["comment"] == q.comment));
        if (restates) found = true;
        continue;
      }
      found = true;
      Origin& o = origins[i];
      o.row = q.row->row;
      if (!q.owner.empty()) a["owner"] = q.owner, o.members.emplace("owner", col_owner);
      if (!q.comment.empty()) a["comment"] = q.comment, o.members.emplace("comment", col_comment);
      if (q.status == SheetStatus::done || q.status == SheetStatus::verified) {
        if (!a.contains("done")) a["done"] = today.to_string();
        o.members.emplace("done", col_status);
      }
      if (q.status == SheetStatus::verified) {
        if (!a.contains("verified")) a["verified"] = today.to_string();
        o.members.emplace("verified", col_status);
      }
    }
    // A proposal nobody filled in stays out of the plan: an empty row would be a plan row
    // without owner or status.
    if (found || !q.fills_in()) continue;
    std::string id = "plan-" + q.measure;
    for (int n = 2; ids.count(lower_ascii(id)) != 0; ++n)
      id = "plan-" + q.measure + "-" + std::to_string(n);
    ids.insert(lower_ascii(id));
    ordered_json a = ordered_json::object();
    Origin o;
    o.row = q.row->row;
    a["id"] = id;
    o.members.emplace("id", col_measure);
    if (const std::string title = trimmed(q.row->title); !title.empty())
      a["title"] = title, o.members.emplace("title", col_title);
    a["measure"] = q.measure;
    o.members.emplace("measure", col_measure);
    if (!q.owner.empty()) a["owner"] = q.owner, o.members.emplace("owner", col_owner);
    if (q.due) a["due"] = q.due->to_string(), o.members.emplace("due", col_due);
    if (q.status == SheetStatus::done || q.status == SheetStatus::verified)
      a["done"] = today.to_string(), o.members.emplace("done", col_status);
    if (q.status == SheetStatus::verified) a["verified"] = today.to_string(), o.members.emplace("verified", col_status);
    if (!q.fingerprints.empty())
      a["fingerprints"] = q.fingerprints, o.members.emplace("fingerprints", col_fingerprints);
    if (!q.comment.empty()) a["comment"] = q.comment, o.members.emplace("comment", col_comment);
    origins.emplace(plan.size(), std::move(o));
    plan.push_back(std::move(a));
  }

  if (had_plan || !plan.empty()) doc["action_plan"] = std::move(plan);
  std::string text = doc.dump(2) + "\n";
  try {
    (void)Organisation::parse(text, framework, organisation_file);
  } catch (const LoadError& e) {
    std::vector<Diagnostic> traced_problems;
    for (const auto& d : e.diagnostics())
      traced_problems.push_back(traced(d, origins, sheet_file));
    throw LoadError(std::move(traced_problems), e.total_count());
  }
  return text;
}

}  // namespace trygg
