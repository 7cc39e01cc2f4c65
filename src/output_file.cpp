// SPDX-License-Identifier: MIT
// Writing outputs without losing files (issue 12, section 3). POSIX calls, because the
// guarantees are about them: O_EXCL temporary files with mode 0600, fsync, rename(2) within one
// directory (atomic), and lstat to see a symbolic link instead of following it.
#include "trygg/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "trygg/document.hpp"
#include "trygg/message.hpp"
#include "xlsx_marker.hpp"

namespace trygg {
namespace fs = std::filesystem;
namespace {

std::string quoted(const fs::path& p) {
  return "\"" + p.string() + "\"";
}

[[noreturn]] void refuse(const fs::path& path, const std::string& why) {
  throw OutputError("cannot write " + quoted(path) + ": " + why);
}

std::string first_line(std::string_view s, std::size_t skip_lines = 0) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < skip_lines; ++i) {
    const auto nl = s.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  const auto end = s.find('\n', start);
  return std::string(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

/// Reads at most `limit` bytes of a regular file; nullopt when it cannot be read.
std::optional<std::string> read_head(const fs::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string s(limit, '\0');
  in.read(s.data(), static_cast<std::streamsize>(limit));
  s.resize(static_cast<std::size_t>(in.gcount()));
  return s;
}

/// The write itself: a temporary file beside the target, then rename. Every failure removes
/// the temporary file and leaves the target as it was.
void write_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + path.filename().string() + ".trygg-XXXXXX")).string();
  // mkstemp creates the file with O_EXCL and mode 0600.
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) refuse(path, std::string("cannot create a file in its directory (") + std::strerror(errno) + ")");
  const auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    refuse(path, std::string(what) + " (" + std::strerror(err) + "); the previous file, if any, is unchanged");
  };
  if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) fail("cannot set its permissions");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("writing failed");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("flushing to disk failed");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    refuse(path, std::string("closing failed (") + std::strerror(err) + "); the previous file, if any, is unchanged");
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    refuse(path, std::string("renaming into place failed (") + std::strerror(err) +
                     "); the previous file, if any, is unchanged");
  }
  // Make the rename itself durable; a failure here cannot lose data any more.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

/// A workbook render_xlsx wrote: a zip archive (it begins with a local file header) whose
/// archive comment is trygg's marker (src/xlsx_marker.hpp). The parts inside are compressed,
/// so their properties (author "trygg") are not what is checked.
bool is_trygg_workbook(std::string_view content) {
  constexpr std::string_view marker = detail::xlsx_marker;
  constexpr std::size_t eocd = detail::zip_end_record;
  if (content.size() < 4 + eocd + marker.size() || content.substr(0, 4) != std::string_view("PK\x03\x04", 4))
    return false;
  const std::size_t record = content.size() - marker.size() - eocd;
  const auto length = static_cast<std::size_t>(static_cast<unsigned char>(content[record + 20])) |
                      static_cast<std::size_t>(static_cast<unsigned char>(content[record + 21])) << 8;
  return content.substr(record, 4) == std::string_view("PK\x05\x06", 4) && length == marker.size() &&
         content.substr(content.size() - marker.size()) == marker;
}

}  // namespace

bool is_trygg_output(std::string_view content) {
  if (is_trygg_workbook(content)) return true;
  const std::string line = first_line(content);
  if (line.rfind("fingerprint,rule,measure,", 0) == 0) return true;  // CSV report
  // CSV report, Excel dialect (a byte-order mark, every field quoted, ";")
  if (line.rfind("\xEF\xBB\xBF\"fingerprint\";\"rule\";\"measure\";", 0) == 0) return true;
  // The CSV of a report set (trygg-check batch): the same columns after two of its own.
  if (line.rfind("organisation,source,fingerprint,rule,measure,", 0) == 0) return true;
  if (line.rfind("\xEF\xBB\xBF\"organisation\";\"source\";\"fingerprint\";\"rule\";", 0) == 0) return true;
  // An HTML report: the doctype, then trygg's generator tag within its head's first lines.
  if (line == "<!doctype html>" &&
      content.substr(0, 512).find("<meta name=\"generator\" content=\"trygg ") != std::string_view::npos)
    return true;
  for (const Language lang : all_languages) {
    const std::string title = render(Message{"report.title"}, lang);
    if (line == "trygg: " + title || line == "# " + title) return true;  // text, Markdown report
    // A yearly document: its note (third line) says it is a draft made by trygg.
    if (line.rfind("# ", 0) == 0 && first_line(content, 2) == document_note(lang)) return true;
  }
  // A JSON report: an object whose "format" is a trygg report format.
  if (!line.empty() && line.front() == '{') {
    const auto doc = nlohmann::json::parse(content.begin(), content.end(), nullptr, false);
    if (doc.is_object()) {
      const auto it = doc.find("format");
      if (it != doc.end() && it->is_string() &&
          (it->get<std::string>().rfind("trygg.report/", 0) == 0 ||
           it->get<std::string>().rfind("trygg.report-set/", 0) == 0))
        return true;
    }
  }
  return false;
}

void write_output(const fs::path& path, std::string_view bytes, const OutputOptions& options) {
  if (path.empty()) refuse(path, "no file name given");
  std::error_code ec;
  const auto link = fs::symlink_status(path, ec);
  const bool exists = !ec && link.type() != fs::file_type::not_found;
  // Never over an input, also under another name or through a link.
  for (const auto& input : options.inputs) {
    std::error_code e2;
    if (exists && fs::equivalent(path, input, e2))
      refuse(path, "it is an input of this run (" + quoted(input) + "); choose another output file");
  }
  if (!exists) {
    write_atomically(path, bytes);
    return;
  }
  if (link.type() == fs::file_type::directory) refuse(path, "it is a directory");
  if (link.type() == fs::file_type::symlink && !options.force)
    refuse(path, "it is a symbolic link; trygg does not write through links (--force replaces the link itself)");
  if (link.type() != fs::file_type::regular && link.type() != fs::file_type::symlink)
    refuse(path, "it is not a regular file");
  if (!options.force) {
    if (!options.replace_trygg_output) refuse(path, "the file exists (--force replaces it)");
    // A trygg output is small next to the inputs' limits; a larger file is certainly not one.
    constexpr std::size_t most = 512u * 1024u * 1024u;
    const auto head = read_head(path, most);
    if (!head || head->size() >= most || !is_trygg_output(*head))
      refuse(path, "the file exists and is not a report or document trygg wrote (--force replaces it)");
  }
  write_atomically(path, bytes);
}

}  // namespace trygg
