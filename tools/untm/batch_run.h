#pragma once
// One batch, from a list of document pairs to a bundle: aligns the documents
// on worker threads, journals each finished document (so --resume can finish
// a killed batch), then writes the bundle, the report and the link files.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "batch/pairing.h"
#include "batch_learning.h"
#include "batch_progress.h"

namespace untm::cli {

struct BatchSettings {
  std::filesystem::path output;                     // the bundle (.tmx.zst)
  unsigned threads = 1;
  bool presplit = false;
  bool resume = false;
  std::string srclang = "en";                       // TMX srclang: the originals' language
  std::optional<std::string> creation_date;         // TMX date; default: now (or the journal's)
  std::optional<std::filesystem::path> report;      // --report FILE.jsonl
  std::optional<std::filesystem::path> links_dir;   // --links-dir DIR
  LearningSettings learning;
  ProgressStyle progress = ProgressStyle::lines;
  std::chrono::milliseconds progress_interval{10000};
};

struct FailedDocument {
  std::string id;
  std::string file;    // the input at fault, or empty
  std::string reason;
};

struct BatchSummary {
  std::size_t documents = 0;        // in this batch (or shard)
  std::size_t aligned = 0;
  std::size_t resumed = 0;          // finished by an earlier run, taken from the journal
  std::uint64_t pairs = 0;
  std::uint64_t input_bytes = 0;
  std::vector<FailedDocument> failed;
};

// Aligns `documents` (paths used as given, already resolved); `whole_list` is
// the list they were taken from (the same, or the list before --shard), from
// which lexicon learning draws its sample. `unpaired` only goes into the
// report. Throws InputError for what stops the whole batch (the
// output cannot be written, a journal from another batch, ...); a bad
// document only ends up in BatchSummary::failed.
BatchSummary run_batch_job(const std::vector<batch::DocumentPair>& documents,
                           const std::vector<batch::DocumentPair>& whole_list,
                           const std::vector<batch::UnpairedFile>& unpaired, const BatchSettings& settings);

// Where the resume journal and the learned lexicon of `output` live while its
// batch runs.
std::filesystem::path journal_path(const std::filesystem::path& output);
std::filesystem::path lexicon_path(const std::filesystem::path& output);

}  // namespace untm::cli
