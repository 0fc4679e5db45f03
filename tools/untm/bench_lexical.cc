// `untm bench lexical`: what the lexical term adds to the alignment, on the
// gold sets (../shared/gold), each set aligned as one batch in-process through
// the library calls `untm batch --presplit` makes (pipeline/document.h,
// pipeline/learning.h), and what it costs in speed against lengths alone.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "batch/link_files.h"
#include "align/aligner.h"
#include "commands.h"
#include "core/link.h"
#include "eval/scorer.h"
#include "file_io.h"
#include "lexicon_options.h"
#include "pipeline/document.h"
#include "pipeline/learning.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: untm bench lexical [--shared DIR] [--dictionary FILE] [--sets \"pol-dev mac-dev\"]\n"
    "\n"
    "Aligns each gold set (DIR/gold/SET, presplit) as one batch with: lengths only,\n"
    "lengths+anchors, learning only (IBM Model 1 learned over the set), dictionary\n"
    "only, dictionary+learning; prints strict/lax F1 per set and strict F1 per link\n"
    "type, and alignment speed against lengths only.\n"
    "\n"
    "example:\n"
    "  scripts/get-cc-cedict.sh && untm bench lexical --dictionary ~/.cache/untm/cedict_ts.u8\n"
    "\n"
    "options";

struct GoldDocument {
  std::string name;
  pipeline::SplitPair sides;  // read as `untm batch --presplit` reads them
  std::vector<LinkIndices> gold;
};

std::vector<GoldDocument> read_gold_set(const fs::path& set_dir) {
  std::vector<GoldDocument> documents;
  std::vector<fs::path> gold_files;
  for (const auto& entry : fs::directory_iterator(set_dir / "gold")) {
    if (entry.path().extension() == ".align") gold_files.push_back(entry.path());
  }
  std::sort(gold_files.begin(), gold_files.end());
  pipeline::TextOptions presplit;
  presplit.presplit = true;
  for (const auto& gold_file : gold_files) {
    GoldDocument document;
    document.name = gold_file.stem().string();
    document.sides = pipeline::read_pair((set_dir / "zh" / document.name).string(),
                                         (set_dir / "en" / document.name).string(), read_file, AlignOptions{}, presplit);
    document.gold = parse_link_indices(read_file(gold_file.string()), gold_file.string());
    documents.push_back(std::move(document));
  }
  return documents;
}

std::size_t sentence_count(const SplitDocument& document) {
  std::size_t count = 0;
  for (const auto& paragraph : document.paragraphs) count += paragraph.sentences.size();
  return count;
}

// The link-type classes the issue asks figures for.
enum class TypeClass { one_to_one, one_to_two, larger, null, count };
constexpr const char* kTypeClassNames[] = {"1-1", "1-2/2-1", "1-3/3-1+", "null"};

TypeClass type_class(const LinkIndices& link) {
  if (link.first.empty() || link.second.empty()) return TypeClass::null;
  const std::size_t total = link.first.size() + link.second.size();
  return total == 2 ? TypeClass::one_to_one : total == 3 ? TypeClass::one_to_two : TypeClass::larger;
}

// Strict hits per type class: a test link of a class is right when the same
// link is in the gold (then it is of the same class), and a gold link is found
// when the same link is in the test.
struct TypeCounts {
  std::size_t test[4] = {};
  std::size_t gold[4] = {};
  std::size_t hits[4] = {};
  void add(std::span<const LinkIndices> gold_links, std::span<const LinkIndices> test_links) {
    const std::set<LinkIndices> gold_set(gold_links.begin(), gold_links.end());
    for (const auto& link : gold_links) ++gold[static_cast<int>(type_class(link))];
    for (const auto& link : test_links) {
      const int type = static_cast<int>(type_class(link));
      ++test[type];
      if (gold_set.count(link) != 0) ++hits[type];
    }
  }
  double f1(int type) const {
    const double precision = test[type] == 0 ? 0.0 : static_cast<double>(hits[type]) / static_cast<double>(test[type]);
    const double recall = gold[type] == 0 ? 0.0 : static_cast<double>(hits[type]) / static_cast<double>(gold[type]);
    return precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }
};

struct RunResult {
  Scores scores;
  TypeCounts types;
  double align_seconds = 0;    // the final pass over all documents
  double lexicon_seconds = 0;  // loading the dictionary, pass 1 and IBM Model 1
  std::size_t lexicon_entries = 0;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One configuration over a set: the lexicon step and pass 2 of a batch.
RunResult run_configuration(const std::vector<GoldDocument>& documents, const AlignOptions& base,
                            const pipeline::LexiconSettings& lexicon_settings, const fs::path& links_dir) {
  RunResult result;
  const auto lexicon_start = std::chrono::steady_clock::now();
  const pipeline::LexiconStep step = pipeline::run_lexicon_step(
      lexicon_settings, read_file, documents.size(), [&documents](std::size_t index) { return documents[index].sides; },
      base, 1, nullptr);
  result.lexicon_seconds = seconds_since(lexicon_start);
  result.lexicon_entries = step.known.size();
  AlignOptions options = base;
  if (auto evidence = pipeline::lexical_evidence(step.known, lexicon_settings, base.first_language)) {
    options.evidence.push_back(std::move(evidence));
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<Link>> outputs;
  for (const auto& document : documents) {
    outputs.push_back(links_of(pipeline::align_pair(document.sides, options, document.name)));
  }
  result.align_seconds = seconds_since(start);
  MatchCounts counts;
  for (std::size_t index = 0; index < documents.size(); ++index) {
    if (!links_dir.empty()) {
      fs::create_directories(links_dir);
      write_file(links_dir / batch::link_file_name(documents[index].name), format_links(outputs[index]));
    }
    const std::vector<LinkIndices> test = indices_of(outputs[index]);
    counts += count_matches(documents[index].gold, test);
    result.types.add(documents[index].gold, test);
  }
  result.scores = compute_scores(counts);
  return result;
}

struct Configuration {
  const char* name;
  bool anchors;
  bool dictionary;
  bool learn;
};

constexpr Configuration kConfigurations[] = {
    {"length only", false, false, false},  {"length+anchors", true, false, false},
    {"learning", true, false, true},       {"dictionary", true, true, false},
    {"dictionary+learning", true, true, true},
    // The lexical term's own cost: lengths and the dictionary, no anchors.
    {"length+dictionary", false, true, false},
};

// The settings of one configuration, from the command line's.
pipeline::LexiconSettings configuration_settings(const Configuration& configuration,
                                                 const pipeline::LexiconSettings& given) {
  pipeline::LexiconSettings settings = given;
  if (!configuration.dictionary) settings.dictionary.clear();
  settings.learn = configuration.learn && given.learn;
  return settings;
}

void run_set(const fs::path& shared_dir, const std::string& set, const pipeline::LexiconSettings& given,
             const std::string& links_dir) {
  const auto documents = read_gold_set(shared_dir / "gold" / set);
  std::size_t sentences = 0;
  for (const auto& document : documents) sentences += sentence_count(document.sides.first) + sentence_count(document.sides.second);
  fmt::print("\n== {} ({} documents, {} sentences)\n", set, documents.size(), sentences);
  fmt::print("{:<22} {:>7} {:>7} | {:>7} {:>7} {:>8} {:>7} | {:>9} {:>7} {:>9}\n", "configuration", "strict", "lax",
             "1-1", "1-2/2-1", "1-3/3-1+", "null", "sent/s", "x len", "lexicon s");
  double length_only_rate = 0;
  for (const auto& configuration : kConfigurations) {
    if (configuration.dictionary && given.dictionary.empty()) continue;
    AlignOptions base;
    base.use_anchors = configuration.anchors;
    const RunResult result =
        run_configuration(documents, base, configuration_settings(configuration, given),
                          links_dir.empty() ? fs::path() : fs::path(links_dir) / set / configuration.name);
    const double rate = static_cast<double>(sentences) / result.align_seconds;
    if (length_only_rate == 0) length_only_rate = rate;
    fmt::print("{:<22} {:>7.3f} {:>7.3f} | {:>7.3f} {:>7.3f} {:>8.3f} {:>7.3f} | {:>9.0f} {:>7.2f} {:>9.2f}\n",
               configuration.name, result.scores.strict_f1, result.scores.lax_f1, result.types.f1(0),
               result.types.f1(1), result.types.f1(2), result.types.f1(3), rate, length_only_rate / rate,
               result.lexicon_seconds);
  }
  std::fflush(stdout);
}

}  // namespace

int run_bench_lexical(const Arguments& args) {
  std::string shared_dir = "../shared";
  std::string sets_text = "pol-dev mac-dev";
  std::string links_dir;
  pipeline::LexiconSettings lexicon_settings;
  DictionaryChoice dictionary;
  po::options_description visible(kUsage);
  visible.add_options()("help,h", "show this help")(
      "shared", po::value(&shared_dir)->default_value(shared_dir), "the shared folder holding gold/")(
      "sets", po::value(&sets_text)->default_value(sets_text), "gold sets to run, separated by spaces")(
      "links-dir", po::value(&links_dir), "also write each configuration's links to DIR/SET/CONFIGURATION/NAME.align");
  add_lexicon_options(visible, lexicon_settings, dictionary);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(visible).run(), values);
  po::notify(values);
  if (values.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  if (!fs::is_directory(fs::path(shared_dir) / "gold"))
    throw UsageError(fmt::format("{}/gold not found: give the shared folder with --shared", shared_dir));
  // The rows without a dictionary are in the table anyway; its own line says why the others are not.
  choose_dictionary(lexicon_settings, dictionary, false);
  if (lexicon_settings.dictionary.empty()) {
    fmt::print("no dictionary (run scripts/get-cc-cedict.sh or give --dictionary): dictionary rows skipped\n");
  } else {
    fmt::print("dictionary {}\n", lexicon_settings.dictionary);
  }
  std::istringstream sets_stream(sets_text);
  for (std::string set; sets_stream >> set;) run_set(shared_dir, set, lexicon_settings, links_dir);
  fmt::print("\nsent/s: sentences (both sides) aligned per second in the final pass; x len: its time over\n"
             "length only; lexicon s: reading the dictionary, pass 1 and IBM Model 1 over the whole set.\n"
             "Per-type columns: strict F1. Each set runs as 'untm batch --presplit' does, on one thread.\n");
  return 0;
}

}  // namespace untm::cli
