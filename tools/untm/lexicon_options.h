#pragma once
// The lexicon options shared by `untm align`, `untm batch` and `untm bench
// lexical`, declared once: where the lexicon comes from (a dictionary, a
// saved lexicon, learning from the texts), where the learned one goes, and
// how much the lexical term weighs. They fill the library's LexiconSettings.
//
// The dictionary is used by default: CC-CEDICT lifts per-document strict F1
// by 5-10 points on the gold sets, so a user should not have to know the flag.
// It is looked for where scripts/get-cc-cedict.sh puts it (the XDG data
// folders), then in the installed share/untm.

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "environment.h"
#include "file_io.h"
#include "pipeline/settings.h"

namespace untm::cli {

// What the command line says about the dictionary beyond --dictionary FILE.
struct DictionaryChoice {
  bool off = false;  // --no-dictionary
};

// Adds --dictionary, --no-dictionary, --lexicon, --save-lexicon, --no-learn, --lexical-weight.
void add_lexicon_options(boost::program_options::options_description& description,
                         pipeline::LexiconSettings& settings, DictionaryChoice& choice);

// The file name the dictionary has in every folder it is looked for in.
inline constexpr const char* kDictionaryFileName = "cedict_ts.u8";

// The files a default dictionary is looked for at, first found wins:
// $XDG_DATA_HOME/untm (else ~/.local/share/untm), each folder of
// $XDG_DATA_DIRS (else /usr/local/share:/usr/share) + /untm, the installed
// share/untm, and last ${XDG_CACHE_HOME:-~/.cache}/untm, where
// scripts/get-cc-cedict.sh put it before it used the XDG data folder.
// Relative folders in the variables are ignored, as the XDG spec asks.
std::vector<std::filesystem::path> dictionary_search_path(const Environment& environment = std::getenv);

// The first existing file of dictionary_search_path(); nullopt when none is.
std::optional<std::filesystem::path> find_default_dictionary(const Environment& environment = std::getenv);

// After parsing: with neither --dictionary nor --no-dictionary, sets
// settings.dictionary to the default dictionary if there is one. Without
// one, and with `notice`, prints one line on stderr saying how to get it.
// Dictionaries are kept compiled in ${XDG_CACHE_HOME:-~/.cache}/untm/compiled
// (settings.compiled_folder).
void choose_dictionary(pipeline::LexiconSettings& settings, const DictionaryChoice& choice, bool notice);

// The one-line notice printed when no dictionary is found.
std::string missing_dictionary_notice();

// Declares the lexicon files of `settings`: --dictionary and --lexicon read,
// --save-lexicon written.
void declare_lexicon_files(RunFiles& files, const pipeline::LexiconSettings& settings);

}  // namespace untm::cli
