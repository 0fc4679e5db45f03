#include "lexicon_options.h"

#include <algorithm>
#include <iostream>
#include <string_view>
#include <system_error>

#include "core/error.h"
#include "option_values.h"

// UNTM_INSTALL_DATADIR: CMAKE_INSTALL_FULL_DATADIR, defined by tools/untm/CMakeLists.txt.

namespace untm::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

void add_lexicon_options(po::options_description& description, pipeline::LexiconSettings& settings,
                         DictionaryChoice& choice) {
  description.add_options()
      ("dictionary", po::value(&settings.dictionary)->value_name("FILE"),
       "bilingual dictionary, CC-CEDICT or hunalign format ('english @ 中文'); default: cedict_ts.u8 in "
       "$XDG_DATA_HOME/untm (scripts/get-cc-cedict.sh puts it there), $XDG_DATA_DIRS/untm or the installed share/untm")
      ("no-dictionary", po::bool_switch(&choice.off), "align without a dictionary, even if one is installed")
      ("lexicon", po::value(&settings.lexicon)->value_name("FILE"), "start from a lexicon saved with --save-lexicon")
      ("save-lexicon", po::value(&settings.save_lexicon)->value_name("FILE"),
       "write the saved and learned lexicon entries (not the dictionary) to this file")
      ("no-learn", po::bool_switch()->notifier([&settings](bool off) { settings.learn = !off; }),
       "do not learn a lexicon from the texts (IBM Model 1 on confident first-pass links)")
      ("lexical-weight", number_value(settings.lexical_weight, "--lexical-weight", {0, Bound::inclusive, 1e6})
           ->default_value(shown_default(settings.lexical_weight)),
       "nats per covered word in the lexical cost term");
}

namespace {

// An absolute folder from a variable, or from `fallback` under $HOME.
std::optional<fs::path> base_folder(const Environment& environment, const char* variable, const char* fallback) {
  const char* value = environment(variable);
  if (value != nullptr && *value != '\0') {
    const fs::path folder(value);
    if (folder.is_absolute()) return folder;
  }
  const char* home = environment("HOME");
  if (home == nullptr || *home == '\0' || !fs::path(home).is_absolute()) return std::nullopt;
  return fs::path(home) / fallback;
}

// The absolute folders of a colon-separated list (XDG_DATA_DIRS).
std::vector<fs::path> folder_list(std::string_view list) {
  std::vector<fs::path> folders;
  while (!list.empty()) {
    const std::size_t colon = list.find(':');
    const fs::path folder(list.substr(0, colon));
    if (folder.is_absolute()) folders.push_back(folder);
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return folders;
}

}  // namespace

std::vector<fs::path> dictionary_search_path(const Environment& environment) {
  std::vector<fs::path> folders;
  if (auto data_home = base_folder(environment, "XDG_DATA_HOME", ".local/share")) folders.push_back(*data_home);
  const char* data_dirs = environment("XDG_DATA_DIRS");
  for (fs::path& folder : folder_list(data_dirs != nullptr && *data_dirs != '\0' ? data_dirs
                                                                                  : "/usr/local/share:/usr/share")) {
    folders.push_back(std::move(folder));
  }
  folders.emplace_back(UNTM_INSTALL_DATADIR);
  if (auto cache = base_folder(environment, "XDG_CACHE_HOME", ".cache")) folders.push_back(*cache);
  std::vector<fs::path> files;
  for (const fs::path& folder : folders) {
    fs::path file = (folder / "untm" / kDictionaryFileName).lexically_normal();
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(std::move(file));
  }
  return files;
}

std::optional<fs::path> find_default_dictionary(const Environment& environment) {
  for (const fs::path& file : dictionary_search_path(environment)) {
    std::error_code error;
    if (fs::is_regular_file(file, error)) return file;
  }
  return std::nullopt;
}

std::string missing_dictionary_notice() {
  return "untm: notice: no dictionary found, aligning without one (less accurate): scripts/get-cc-cedict.sh "
         "installs CC-CEDICT in ${XDG_DATA_HOME:-~/.local/share}/untm/cedict_ts.u8 (or unpack "
         "https://www.mdbg.net/chinese/dictionary?page=cc-cedict there); --no-dictionary hides this notice";
}

void choose_dictionary(pipeline::LexiconSettings& settings, const DictionaryChoice& choice, bool notice) {
  if (choice.off) {
    if (!settings.dictionary.empty()) throw UsageError("--dictionary and --no-dictionary contradict each other");
    return;
  }
  if (const auto cache = base_folder(std::getenv, "XDG_CACHE_HOME", ".cache"))
    settings.compiled_folder = (*cache / "untm" / "compiled").string();
  if (!settings.dictionary.empty()) return;
  if (const auto found = find_default_dictionary()) {
    settings.dictionary = found->string();
  } else if (notice) {
    std::cerr << missing_dictionary_notice() << '\n';
  }
}

void declare_lexicon_files(RunFiles& files, const pipeline::LexiconSettings& settings) {
  files.input("--dictionary", settings.dictionary);
  files.input("--lexicon", settings.lexicon);
  files.output("--save-lexicon", settings.save_lexicon);
}

}  // namespace untm::cli
