// The learning workflow's lexicon step and `untm align`'s pair job.
#include "pipeline/learning.h"

#include <catch2/catch.hpp>

#include <map>

#include "core/error.h"
#include "pipeline/pair_job.h"

using namespace untm;
using namespace untm::pipeline;

namespace {

const std::map<std::string, std::string> kFiles = {
    {"dictionary", "meeting @ 会议\n"},
    {"saved", "# untm lexicon 1\n议程\tagenda\t0.5\n"},
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

TEST_CASE("pass 1 over one document hands its links to pass 2", "[pipeline][learning]") {
  TextOptions text;
  text.presplit = true;
  const SplitPair pair = read_pair("zh", "en", read_memory, AlignOptions{}, text);
  const SplitPairSource documents = [&](std::size_t) { return pair; };
  const LexiconSettings settings;
  const LexiconStep one = run_lexicon_step(settings, read_memory, 1, documents, AlignOptions{}, 1, nullptr);
  REQUIRE_FALSE(one.first_pass_links.empty());
  CHECK(one.first_pass_links.back().first.end == sentence_texts(pair.first).size());
  CHECK(one.first_pass_links.back().second.end == sentence_texts(pair.second).size());
  // Over many documents pass 2 aligns others than pass 1: nothing is kept.
  CHECK(run_lexicon_step(settings, read_memory, 3, documents, AlignOptions{}, 1, nullptr).first_pass_links.empty());
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
