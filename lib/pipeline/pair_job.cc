#include "pipeline/pair_job.h"

#include "pipeline/learning.h"

namespace untm::pipeline {

PairResult run_pair_job(const PairJob& job, const ReadNamed& read) {
  const SplitPair pair = read_pair(job.first_name, job.second_name, read, job.align, job.text);
  const LexiconStep step =
      run_lexicon_step(job.lexicon, read, 1, [&pair](std::size_t) { return pair; }, job.align, 1, nullptr);
  PairResult result;
  if (!job.lexicon.save_lexicon.empty()) result.lexicon_to_save = lexicon::write_lexicon(step.to_save);
  AlignOptions second_pass = job.align;
  if (auto evidence = lexical_evidence(step.known, job.lexicon, job.align.first_language)) {
    second_pass.evidence.push_back(std::move(evidence));
  }
  result.document = align_pair(pair, second_pass, job.id);
  return result;
}

}  // namespace untm::pipeline
