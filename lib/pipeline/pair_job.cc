#include "pipeline/pair_job.h"

#include <limits>
#include <stdexcept>
#include <utility>

#include "format/intertext.h"
#include "pipeline/learning.h"

namespace untm::pipeline {
namespace {

std::size_t sentence_count(const SplitDocument& document) {
  std::size_t count = 0;
  for (const Paragraph& paragraph : document.paragraphs) count += paragraph.sentences.size();
  return count;
}

// The pairs of the links in job.from_links, marked as the file marks them:
// the [i]:[j] notation, or InterText's alignment XML by the ids of its
// document files.
AlignedDocument pair_file_links(const PairJob& job, const ReadNamed& read, const SplitPair& pair) {
  const std::string text = read(job.from_links);
  const std::vector<FileLink> file_links =
      format::is_intertext_links(text)
          ? format::parse_intertext_links(text, job.from_links, pair.first, pair.second)
          : parse_link_file(text, job.from_links);
  const std::vector<Link> links =
      fit_links(file_links, sentence_count(pair.first), sentence_count(pair.second), job.from_links);
  AlignedDocument document =
      pair_links(pair.first, pair.second, links, pair.first.language, pair.second.language);
  document.id = job.id;
  for (std::size_t k = 0; k < links.size(); ++k) {
    if (!file_links[k].marks.manual()) continue;
    document.pairs[k].origin = LinkOrigin::manual;
    document.pairs[k].link.confidence = 1.0;  // a person vouches for it
  }
  return document;
}

}  // namespace

PairResult run_pair_job(const PairJob& job, const ReadNamed& read) {
  SplitPair pair = read_pair(job.first_name, job.second_name, read, job.align, job.text);
  PairResult result;
  result.warnings = pair.warnings;
  // The languages the pair was read in (swapped when detected so).
  AlignOptions align = job.align;
  align.first_language = pair.first.language;
  align.second_language = pair.second.language;
  if (!job.from_links.empty()) {
    result.document = pair_file_links(job, read, pair);
    result.split = std::move(pair);
    return result;
  }
  // Both passes read the same sentences: their anchor features are
  // extracted once (extracting them twice was 6% of a default run's
  // instructions on the K=7 block).
  if (job.lexicon.learn && align.use_anchors) {
    align.sentence_features = std::make_shared<const SentenceFeatureSides>(
        extract_sentence_features(pair.first, pair.second, align.first_language, align.second_language));
  }
  // Pass 1 takes the pair and gives it back kept (a copy of every sentence
  // was 3 MB of fresh memory on the K=7 block); it keeps every document it
  // read (run_first_pass), and the one pair always fits the budget.
  bool lent = false;
  LexiconStep step = run_lexicon_step(
      job.lexicon, read, 1,
      [&pair, &lent](std::size_t) {
        lent = true;
        return std::move(pair);
      },
      align, 1, nullptr, KeptDocuments{std::numeric_limits<std::uint64_t>::max(), nullptr});
  // Pass 2 starts from pass 1's path instead of from the lengths.
  std::vector<Link> first_pass_links;
  if (lent) {
    const auto kept = step.first_pass_documents.find(0);
    if (kept == step.first_pass_documents.end()) throw std::logic_error("pass 1 did not give back the pair it was lent");
    pair = std::move(kept->second.pair);
    first_pass_links = std::move(kept->second.links);
    step.first_pass_documents.clear();
  }
  if (!job.lexicon.save_lexicon.empty()) result.lexicon_to_save = lexicon::write_lexicon(step.to_save);
  AlignOptions second_pass = align;
  if (auto evidence = lexical_evidence(step, job.lexicon, align.first_language)) {
    second_pass.evidence.push_back(std::move(evidence));
  }
  // The evidence holds its own model: the lexicons (9 MB with CC-CEDICT)
  // would only add to pass 2's peak RSS.
  step.known = {};
  step.to_save = {};
  step.model = nullptr;  // the evidence holds it
  second_pass.initial_links = std::move(first_pass_links);
  result.document = align_pair(pair, second_pass, job.id);
  result.split = std::move(pair);
  return result;
}

}  // namespace untm::pipeline
