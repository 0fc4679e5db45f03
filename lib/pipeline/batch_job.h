#pragma once
// One batch, from a list of document pairs to a bundle: learns a lexicon
// over the whole list (pipeline/learning.h), aligns the documents on worker
// threads (pipeline/ordered_pool.h), journals each finished document in list
// order so that a killed batch can be resumed, then streams the journal into
// the bundle, the report and the summary. Files, messages and the progress
// display belong to the caller, through BatchStorage and BatchObserver.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "batch/pairing.h"
#include "core/error.h"
#include "pipeline/batch_storage.h"
#include "pipeline/learning.h"
#include "pipeline/settings.h"

namespace untm::pipeline {

// How a run goes; none of it changes what the batch writes.
struct BatchRun {
  unsigned threads = 1;
  bool resume = false;                        // continue the journal found, if any
  std::optional<std::string> creation_date;   // TMX date; default: now (or, resuming, the journal's)
  bool report = false;                        // write OutputKind::report
};

struct ProgressCounts {
  std::size_t documents_done = 0;  // finished, failed ones included
  std::size_t documents_failed = 0;
  std::uint64_t pairs = 0;
  std::uint64_t input_bytes = 0;  // raw text of the finished documents
};

// What a batch shows while it runs; every call comes from the calling thread.
class BatchObserver : public LearningObserver {
 public:
  // A journal of an interrupted run is there and the run does not resume it.
  virtual void starting_over() = 0;
  virtual void aligning_started(std::size_t documents, std::uint64_t bytes_total, const ProgressCounts& at_start) = 0;
  virtual void aligning_progress(const ProgressCounts& now) = 0;
  virtual void aligning_finished(const ProgressCounts& now) = 0;
};

struct FailedDocument {
  std::string id;
  std::string file;    // the input at fault, or empty
  std::string reason;
};

// A warning about an aligned document (pipeline/pair_languages.h: an empty
// side, lengths no translation has, the order detected).
struct DocumentWarning {
  std::string id;
  std::string warning;  // without "warning:"
};

struct BatchSummary {
  std::size_t documents = 0;        // in this batch (or shard)
  std::size_t aligned = 0;
  // Aligned by an earlier run, taken from the journal. A document that failed
  // in an earlier run is taken from it too, failed, when its inputs are
  // unchanged: failing again is certain.
  std::size_t resumed = 0;
  std::uint64_t pairs = 0;
  std::uint64_t input_bytes = 0;
  std::vector<FailedDocument> failed;
  std::vector<DocumentWarning> warnings;  // in document order
};

// A journal that a resume may not continue.
class ResumeRefused : public InputError {
 public:
  enum class Reason {
    other_batch,  // other documents or settings
    other_date,   // BatchRun::creation_date differs from the journal's
  };
  ResumeRefused(std::string source, Reason reason, std::string journal_date);
  Reason reason() const noexcept { return reason_; }
  const std::string& journal_date() const noexcept { return journal_date_; }

 private:
  Reason reason_;
  std::string journal_date_;
};

// The journal's fingerprint of a batch: the document list and every field
// of `settings` (BatchSettings::fields()).
std::string batch_fingerprint(const std::vector<batch::DocumentPair>& documents, const BatchSettings& settings);
// The same, with every file name replaced by storage.identity(): a batch is
// known by the files it reads and writes, not by how they were spelled (the
// same manifest named by an absolute path, or from another folder), and the
// dictionary by a hash of its content.
std::string batch_fingerprint(const std::vector<batch::DocumentPair>& documents, const BatchSettings& settings,
                              BatchStorage& storage);

// Aligns `documents` (names as the storage reads them); `whole_list` is the
// list they were taken from (the same, or the list before a shard was cut
// from it), from which learning draws its sample. `unpaired` only goes into
// the report. Throws InputError (ResumeRefused, ...) for what stops the whole
// batch; a bad document only ends up in BatchSummary::failed.
BatchSummary run_batch_job(const std::vector<batch::DocumentPair>& documents,
                           const std::vector<batch::DocumentPair>& whole_list,
                           const std::vector<batch::UnpairedFile>& unpaired, const BatchSettings& settings,
                           const BatchRun& run, BatchStorage& storage, BatchObserver& observer);

}  // namespace untm::pipeline
