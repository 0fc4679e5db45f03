// Where untm looks for the default dictionary (tools/untm/lexicon_options.h):
// the XDG base directory rules, then the installed share/untm, then the
// folder scripts/get-cc-cedict.sh used before.
#include "lexicon_options.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>

namespace {

using untm::cli::dictionary_search_path;
using untm::cli::Environment;
using untm::cli::find_default_dictionary;
namespace fs = std::filesystem;

Environment environment_of(const std::map<std::string, std::string>& variables) {
  return [variables](const char* name) -> const char* {
    const auto found = variables.find(name);
    return found == variables.end() ? nullptr : found->second.c_str();
  };
}

std::vector<std::string> strings(const std::vector<fs::path>& paths) {
  std::vector<std::string> result;
  for (const auto& path : paths) result.push_back(path.string());
  return result;
}

}  // namespace

TEST_CASE("default dictionary: XDG_DATA_HOME, XDG_DATA_DIRS, installed share, old cache", "[tools][dictionary]") {
  const auto files = strings(dictionary_search_path(environment_of(
      {{"HOME", "/home/u"}, {"XDG_DATA_HOME", "/data"}, {"XDG_DATA_DIRS", "/d1:relative:/d2/"}})));
  REQUIRE(files.size() == 5);
  CHECK(files[0] == "/data/untm/cedict_ts.u8");
  CHECK(files[1] == "/d1/untm/cedict_ts.u8");  // "relative" is left out, as the XDG spec asks
  CHECK(files[2] == "/d2/untm/cedict_ts.u8");
  CHECK(fs::path(files[3]).is_absolute());
  CHECK(files[3].ends_with("share/untm/cedict_ts.u8"));  // the installed CMAKE_INSTALL_FULL_DATADIR
  CHECK(files[4] == "/home/u/.cache/untm/cedict_ts.u8");
}

TEST_CASE("default dictionary: unset or empty variables take the spec's defaults", "[tools][dictionary]") {
  const auto files = strings(dictionary_search_path(environment_of(
      {{"HOME", "/home/u"}, {"XDG_DATA_HOME", ""}, {"XDG_CACHE_HOME", "/cache"}})));
  REQUIRE(files.size() >= 4);
  CHECK(files[0] == "/home/u/.local/share/untm/cedict_ts.u8");
  CHECK(files[1] == "/usr/local/share/untm/cedict_ts.u8");
  CHECK(files[2] == "/usr/share/untm/cedict_ts.u8");
  CHECK(files.back() == "/cache/untm/cedict_ts.u8");
  // No HOME and no variables: only the system folders.
  for (const auto& file : strings(dictionary_search_path(environment_of({})))) {
    CHECK(file.find(".local") == std::string::npos);
    CHECK(file.find(".cache") == std::string::npos);
  }
}

TEST_CASE("default dictionary: the first existing file wins", "[tools][dictionary]") {
  const fs::path root = fs::temp_directory_path() / ("untm-dictionary-test-" + std::to_string(::getpid()));
  fs::create_directories(root / "home/untm");
  fs::create_directories(root / "dirs/untm");
  const auto environment = environment_of({{"XDG_DATA_HOME", (root / "home").string()},
                                           {"XDG_DATA_DIRS", (root / "dirs").string()},
                                           {"XDG_CACHE_HOME", (root / "cache").string()}});
  CHECK_FALSE(find_default_dictionary(environment).has_value());
  std::ofstream(root / "dirs/untm/cedict_ts.u8") << "x\n";
  CHECK(find_default_dictionary(environment) == root / "dirs/untm/cedict_ts.u8");
  std::ofstream(root / "home/untm/cedict_ts.u8") << "x\n";
  CHECK(find_default_dictionary(environment) == root / "home/untm/cedict_ts.u8");
  fs::remove_all(root);
}
