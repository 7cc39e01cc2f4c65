// Loads an organisation, audits it, prints one line. Exits non-zero if anything is off.
#include <iostream>

#include <trygg/trygg.hpp>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const auto fw = trygg::Framework::builtin();
  const auto org = trygg::Organisation::load(argv[1], fw);
  trygg::AuditOptions options;
  options.as_of = trygg::Date::parse("2026-11-22");
  const auto report = trygg::audit(org, fw, options);
  std::cout << org.id << ": " << report.results.size() << " results, " << report.findings.size() << " findings\n";
  return report.results.empty() ? 1 : 0;
}
