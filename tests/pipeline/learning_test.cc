// The learning workflow's lexicon step and `untm align`'s pair job.
#include "pipeline/learning.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>

#include <unistd.h>

#include "core/error.h"
#include "lexicon/lexicon.h"
#include "pipeline/pair_job.h"

using namespace untm;
using namespace untm::pipeline;

namespace {

const std::map<std::string, std::string> kFiles = {
    {"dictionary", "meeting @ 会议\n"},
    {"saved", "# untm lexicon 1\n议程\tagenda\t0.5\n"},
    {"weak", "# untm lexicon 1\n会\tmeet\t0.01\n议程\tagenda\t0.5\n"},
    {"zh", "会议通过了议程。\n会议于今日开幕。\n"},
    {"en", "The meeting adopted its agenda.\nThe meeting opened today.\n"},
};

std::string read_memory(const std::string& name) {
  const auto found = kFiles.find(name);
  if (found == kFiles.end()) throw InputError(name, "not there");
  return found->second;
}

SplitPair no_document(std::size_t) { throw InputError("none", "no documents here"); }

PairJob presplit_job(std::string second_name) {
  PairJob job;
  job.first_name = "zh";
  job.second_name = std::move(second_name);
  job.text.presplit = true;
  return job;
}

}  // namespace

TEST_CASE("the lexicon step keeps the dictionary out of what is saved", "[pipeline][learning]") {
  LexiconSettings settings;
  settings.dictionary = "dictionary";
  settings.lexicon = "saved";
  settings.learn = false;
  const LexiconStep step = run_lexicon_step(settings, read_memory, 0, no_document, AlignOptions{}, 1, nullptr);
  CHECK(step.known.size() == 2);
  CHECK(step.known.strength("议程", "agenda") == 0.5);
  CHECK(step.to_save.size() == 1);
  CHECK(step.to_save.strength("议程", "agenda") == 0.5);
  CHECK(lexical_evidence(lexicon::Lexicon{}, settings, Language::zh) == nullptr);
  CHECK(lexical_evidence(step.known, settings, Language::zh) != nullptr);
}

TEST_CASE("a document that cannot be read teaches nothing instead of stopping learning", "[pipeline][learning]") {
  LexiconSettings settings;
  const LexiconStep step = run_lexicon_step(settings, read_memory, 3, no_document, AlignOptions{}, 2, nullptr);
  CHECK(step.known.empty());
}

TEST_CASE("the pair job aligns both sides and hands back the lexicon to save", "[pipeline][learning]") {
  PairJob job = presplit_job("en");
  job.id = "A/68/1";
  job.lexicon.lexicon = "saved";
  job.lexicon.save_lexicon = "out";
  const PairResult result = run_pair_job(job, read_memory);
  CHECK(result.document.id == "A/68/1");
  REQUIRE(result.document.pairs.size() == 2);
  CHECK(result.document.pairs[0].second.text == "The meeting adopted its agenda.");
  REQUIRE(result.lexicon_to_save);
  CHECK(result.lexicon_to_save->find("议程\tagenda\t0.5\n") != std::string::npos);
  CHECK_THROWS_AS(run_pair_job(presplit_job("missing"), read_memory), InputError);
}

namespace {
// Records how far pass 1 went.
struct PassRecorder final : LearningObserver {
  std::size_t documents_done = 0;
  std::uint64_t pairs = 0, trained_on = 0;
  void learning_started(std::size_t, std::size_t) override {}
  void learning_progress(std::size_t, std::uint64_t) override {}
  void learning_pass_finished(std::size_t done, std::uint64_t sentence_pairs) override {
    documents_done = done;
    pairs = sentence_pairs;
  }
  void learning_finished(std::size_t, std::uint64_t sentence_pairs) override { trained_on = sentence_pairs; }
};
}  // namespace

TEST_CASE("pass 1 hands the links of the documents it keeps to pass 2", "[pipeline][learning]") {
  TextOptions text;
  text.presplit = true;
  const SplitPair pair = read_pair("zh", "en", read_memory, AlignOptions{}, text);
  const SplitPairSource documents = [&](std::size_t) { return pair; };
  const LexiconSettings settings;
  const KeptDocuments all{UINT64_MAX, nullptr};
  for (const std::size_t count : {1, 3}) {
    const LexiconStep step = run_lexicon_step(settings, read_memory, count, documents, AlignOptions{}, 1, nullptr, all);
    REQUIRE(step.first_pass_documents.size() == count);
    for (const auto& [index, document] : step.first_pass_documents) {
      // The path covers both sides whole, or pass 2 would ignore it.
      REQUIRE_FALSE(document.links.empty());
      CHECK(document.links.front().first.begin == 0);
      CHECK(document.links.front().second.begin == 0);
      CHECK(document.links.back().first.end == sentence_texts(pair.first).size());
      CHECK(document.links.back().second.end == sentence_texts(pair.second).size());
    }
  }
}

TEST_CASE("pass 1 keeps the documents it read, with their features, up to its byte budget", "[pipeline][learning]") {
  TextOptions text;
  text.presplit = true;
  const SplitPair pair = read_pair("zh", "en", read_memory, AlignOptions{}, text);
  REQUIRE(pair.input_bytes == kFiles.at("zh").size() + kFiles.at("en").size());
  const SplitPairSource documents = [&](std::size_t index) {
    if (index == 1) throw InputError("b.zh", "unreadable");
    return pair;
  };
  const LexiconSettings settings;
  const auto kept = [&](KeptDocuments keep) {
    return run_lexicon_step(settings, read_memory, 4, documents, AlignOptions{}, 2, nullptr, keep)
        .first_pass_documents;
  };
  const std::uint64_t bytes = pair.input_bytes;
  const auto budget = [](std::uint64_t most, std::function<bool(std::size_t)> wanted = {}) {
    return KeptDocuments{most, std::move(wanted)};
  };
  CHECK(kept({}).empty());
  // Pass 1 takes them in its spread order (0, 2, 1, 3: document 1 teaches
  // nothing) and keeps them while the budget holds them.
  CHECK(kept(budget(bytes - 1)).empty());
  CHECK(kept(budget(bytes)).size() == 1);
  CHECK(kept(budget(2 * bytes - 1)).size() == 1);
  const auto two = kept(budget(2 * bytes));
  REQUIRE(two.size() == 2);
  CHECK(two.count(0) == 1);
  CHECK(two.count(2) == 1);
  const auto all = kept(budget(UINT64_MAX));
  CHECK(all.size() == 3);
  CHECK(all.count(1) == 0);
  // Only the wanted ones count against the budget.
  const auto wanted = kept(budget(2 * bytes, [](std::size_t index) { return index != 0; }));
  CHECK(wanted.size() == 2);
  CHECK(wanted.count(0) == 0);
  const FirstPassDocument& document = all.at(3);
  CHECK(sentence_texts(document.pair.second) == sentence_texts(pair.second));
  REQUIRE(document.features != nullptr);
  const SentenceFeatureSides expected = extract_sentence_features(pair.first, pair.second, Language::zh, Language::en);
  REQUIRE(document.features->second.size() == 2);
  CHECK(document.features->second[1].latin_words == expected.second[1].latin_words);
  CHECK_FALSE(document.features->second[1].latin_words.empty());
}

TEST_CASE("pass 1 learns from a pair read the other way round as from one read in order", "[pipeline][learning]") {
  // Long enough for each side's script to tell its language.
  const ReadNamed read_thrice = [](const std::string& name) {
    const std::string text = read_memory(name);
    return text + text + text;
  };
  TextOptions text;
  text.presplit = true;
  const SplitPair in_order = read_pair("zh", "en", read_thrice, AlignOptions{}, text);
  // English first: read_pair finds the order and splits each side in its language.
  text.detect_order = true;
  const SplitPair swapped = read_pair("en", "zh", read_thrice, AlignOptions{}, text);
  REQUIRE(swapped.first.language == Language::en);
  LexiconSettings settings;
  settings.dictionary = "dictionary";
  const auto step = [&](const SplitPair& pair) {
    return run_lexicon_step(settings, read_memory, 40, [&](std::size_t) { return pair; }, AlignOptions{}, 1, nullptr,
                            KeptDocuments{UINT64_MAX, {}});
  };
  const lexicon::Lexicon from_order = step(in_order).to_save;
  REQUIRE_FALSE(from_order.empty());
  const LexiconStep from_swapped = step(swapped);
  CHECK(lexicon::write_lexicon(from_swapped.to_save) == lexicon::write_lexicon(from_order));
  // The kept features are the English side's as English (capitalised Latin
  // words only), as pass 2 extracts them.
  const SentenceFeatureSides expected =
      extract_sentence_features(swapped.first, swapped.second, Language::en, Language::zh);
  const auto& features = from_swapped.first_pass_documents.at(0).features;
  REQUIRE(features != nullptr);
  REQUIRE(features->first.size() == expected.first.size());
  for (std::size_t sentence = 0; sentence < expected.first.size(); ++sentence) {
    CHECK(features->first[sentence].latin_words == expected.first[sentence].latin_words);
    CHECK(features->second[sentence].latin_words == expected.second[sentence].latin_words);
  }
}

TEST_CASE("pass 1 stops once its documents gave the training budget of sentence pairs", "[pipeline][learning]") {
  TextOptions text;
  text.presplit = true;
  const SplitPair pair = read_pair("zh", "en", read_memory, AlignOptions{}, text);
  const SplitPairSource documents = [&](std::size_t) { return pair; };
  LexiconSettings settings;
  PassRecorder unlimited;
  run_lexicon_step(settings, read_memory, 40, documents, AlignOptions{}, 1, &unlimited);
  CHECK(unlimited.documents_done == 40);
  REQUIRE(unlimited.pairs >= 40);  // each document links its sentences confidently
  const std::uint64_t per_document = unlimited.pairs / 40;
  settings.training_pairs = 5 * per_document;
  for (const unsigned threads : {1u, 2u}) {
    PassRecorder budget;
    run_lexicon_step(settings, read_memory, 40, documents, AlignOptions{}, threads, &budget);
    CHECK(budget.documents_done == 5);
    CHECK(budget.pairs == 5 * per_document);
    CHECK(budget.trained_on == 5 * per_document);
  }
}

namespace {
namespace fs = std::filesystem;

// A CC-CEDICT file past kMinCompiledDictionaryBytes: `entries` made-up
// headwords, each with two senses, `variant` in every English word.
std::string big_dictionary(std::size_t entries, const std::string& variant) {
  std::string text = "# CC-CEDICT\n";
  for (std::size_t entry = 0; entry < entries; ++entry) {
    const std::string word = "词" + std::to_string(entry);
    text += word + " " + word + " [ci2] /" + variant + "word" + std::to_string(entry) + "/" + variant + "thing" +
            std::to_string(entry % 97) + "/\n";
  }
  return text;
}

struct CompiledFolder {
  fs::path root = fs::temp_directory_path() / ("untm-compiled-test-" + std::to_string(::getpid()));
  CompiledFolder() { fs::create_directories(root); }
  ~CompiledFolder() { fs::remove_all(root); }
  std::size_t images() const {
    std::size_t count = 0;
    if (!fs::exists(root / "compiled")) return 0;
    for (const auto& entry : fs::directory_iterator(root / "compiled")) count += entry.path().extension() == ".lexicon";
    return count;
  }
};

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

bool same_entries(const lexicon::Lexicon& left, const lexicon::Lexicon& right) {
  if (left.size() != right.size()) return false;
  for (std::size_t index = 0; index < left.size(); ++index)
    if (!(left.entry(index) == right.entry(index))) return false;
  return true;
}
}  // namespace

TEST_CASE("a dictionary is read once and then from its compiled image, until the file changes", "[pipeline]") {
  CompiledFolder folder;
  const fs::path dictionary = folder.root / "cedict_ts.u8";
  write_file(dictionary, big_dictionary(40000, ""));
  REQUIRE(fs::file_size(dictionary) >= kMinCompiledDictionaryBytes);
  std::size_t reads = 0;
  const ReadNamed read = [&reads](const std::string& name) {
    ++reads;
    std::ifstream in(name, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  LexiconSettings settings;
  settings.dictionary = dictionary.string();
  const lexicon::Lexicon text = lexicon::read_dictionary(read(settings.dictionary), settings.dictionary);
  reads = 0;
  settings.compiled_folder = (folder.root / "compiled").string();

  CHECK(same_entries(load_dictionary(settings, read), text));
  CHECK(reads == 1);
  CHECK(folder.images() == 1);
  CHECK(same_entries(load_dictionary(settings, read), text));
  CHECK(reads == 1);  // the image served

  SECTION("a damaged image is compiled again") {
    const fs::path image = fs::directory_iterator(folder.root / "compiled")->path();
    const auto size = fs::file_size(image);
    fs::resize_file(image, size / 2);
    CHECK(same_entries(load_dictionary(settings, read), text));
    CHECK(reads == 2);
    CHECK(fs::file_size(image) == size);
    CHECK(same_entries(load_dictionary(settings, read), text));
    CHECK(reads == 2);
  }
  SECTION("an edited dictionary is read again, and only the newest images are kept") {
    for (std::size_t edit = 1; edit <= kKeptCompiledDictionaries + 1; ++edit) {
      const std::string variant = "v" + std::to_string(edit);
      write_file(dictionary, big_dictionary(40000, variant));
      fs::last_write_time(dictionary, fs::last_write_time(dictionary) + std::chrono::seconds(edit));
      const lexicon::Lexicon edited = load_dictionary(settings, read);
      CHECK(reads == 1 + edit);
      CHECK(edited.strength("词7", variant + "word7") == 1.0);
      CHECK(edited.strength("词7", "word7") == 0.0);
    }
    CHECK(folder.images() == kKeptCompiledDictionaries);
  }
  SECTION("a folder that cannot be made costs only the time") {
    write_file(folder.root / "a-file", "");
    settings.compiled_folder = (folder.root / "a-file" / "compiled").string();
    CHECK(same_entries(load_dictionary(settings, read), text));
    CHECK(same_entries(load_dictionary(settings, read), text));
    CHECK(reads == 3);
  }
}

TEST_CASE("a small dictionary is read as text every time and leaves no image", "[pipeline]") {
  CompiledFolder folder;
  const fs::path dictionary = folder.root / "small.u8";
  write_file(dictionary, big_dictionary(100, ""));
  LexiconSettings settings;
  settings.dictionary = dictionary.string();
  settings.compiled_folder = (folder.root / "compiled").string();
  std::size_t reads = 0;
  const ReadNamed read = [&reads](const std::string& name) {
    ++reads;
    std::ifstream in(name, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  CHECK(load_dictionary(settings, read).strength("词7", "word7") == 1.0);
  CHECK(load_dictionary(settings, read).size() == 200);
  CHECK(reads == 2);
  CHECK(folder.images() == 0);
}

TEST_CASE("learning makes pass 2's model on the way, and anew when it strengthens a known pair",
          "[pipeline][learning]") {
  TextOptions text;
  text.presplit = true;
  const SplitPair pair = read_pair("zh", "en", read_memory, AlignOptions{}, text);
  const SplitPairSource documents = [&](std::size_t) { return pair; };
  // The model of the step's lexicon: the one LexicalModel makes of it, entry
  // for entry (the strength of 会 -> meet read through both; without a
  // dictionary, learning pairs characters with words).
  const auto strength_of_meeting = [](const lexicon::LexicalModel& model) {
    const std::vector<std::uint32_t> chinese = model.chinese_words("会");
    const std::vector<std::uint32_t> english = model.english_words("meeting");
    REQUIRE(chinese.size() == 1);
    REQUIRE(english.size() == 1);
    for (const lexicon::Translation& translation : model.english_translations(chinese[0]))
      if (translation.word == english[0]) return translation.strength;
    return 0.0f;
  };
  LexiconSettings settings;
  settings.lexicon = "saved";
  const LexiconStep step = run_lexicon_step(settings, read_memory, 1, documents, AlignOptions{}, 1, nullptr);
  REQUIRE(step.known.strength("会", "meet") > 0.01);  // learned from both sentence pairs
  REQUIRE(step.model != nullptr);                       // made on the way
  CHECK(strength_of_meeting(*step.model) == strength_of_meeting(lexicon::LexicalModel(step.known)));
  CHECK(step.model->entry_count() == lexicon::LexicalModel(step.known).entry_count());
  // A saved 会 -> meet at 0.01 that learning makes stronger: the model it
  // had taken in is out of date, and pass 2's is made from the lexicon.
  settings.lexicon = "weak";
  const LexiconStep strengthened = run_lexicon_step(settings, read_memory, 1, documents, AlignOptions{}, 1, nullptr);
  REQUIRE(strengthened.known.strength("会", "meet") == step.known.strength("会", "meet"));
  // The model pass 2 gets (lexical_evidence() takes step.model when there
  // is one) holds the stronger pair.
  const lexicon::LexicalModel from_lexicon(strengthened.known);
  const lexicon::LexicalModel& pass_2 = strengthened.model ? *strengthened.model : from_lexicon;
  CHECK(strength_of_meeting(pass_2) == static_cast<float>(strengthened.known.strength("会", "meet")));
  CHECK(strength_of_meeting(pass_2) > 0.01f);
  CHECK(lexical_evidence(strengthened, settings, Language::zh) != nullptr);
}
