#include "pipeline/pair_job.h"

#include "pipeline/learning.h"

namespace untm::pipeline {

PairResult run_pair_job(const PairJob& job, const ReadNamed& read) {
  const SplitPair pair = read_pair(job.first_name, job.second_name, read, job.align, job.text);
  // The languages the pair was read in (swapped when detected so).
  AlignOptions align = job.align;
  align.first_language = pair.first.language;
  align.second_language = pair.second.language;
  const LexiconStep step =
      run_lexicon_step(job.lexicon, read, 1, [&pair](std::size_t) { return pair; }, align, 1, nullptr);
  PairResult result;
  result.warnings = pair.warnings;
  if (!job.lexicon.save_lexicon.empty()) result.lexicon_to_save = lexicon::write_lexicon(step.to_save);
  AlignOptions second_pass = align;
  if (auto evidence = lexical_evidence(step.known, job.lexicon, align.first_language)) {
    second_pass.evidence.push_back(std::move(evidence));
  }
  result.document = align_pair(pair, second_pass, job.id);
  return result;
}

}  // namespace untm::pipeline
