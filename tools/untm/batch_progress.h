#pragma once
// What a batch shows while it runs (docs/DESIGN.md: long work shows progress on a
// terminal, not in logs): a bar redrawn in place on a terminal, a plain line
// every few seconds when stderr is a file or a pipe, nothing with -q.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "pipeline/batch_job.h"

namespace untm::cli {

enum class ProgressStyle { bar, lines, quiet };

using pipeline::ProgressCounts;

// "[#####-----] 1200/5000 docs  34567 pairs  12.3 MB/s  ETA 2m05s": the rate
// counts only this run's bytes (a resumed run starts with earlier documents
// done), the ETA extrapolates it to the bytes left.
std::string describe_progress(const ProgressCounts& now, const ProgressCounts& at_start,
                              std::size_t documents_total, std::uint64_t bytes_total,
                              double seconds_elapsed, std::size_t bar_width);

class ProgressDisplay {
 public:
  // `label` names the phase before the counts ("learning"), or is empty.
  ProgressDisplay(ProgressStyle style, std::FILE* out, std::string label, std::size_t documents_total,
                  std::uint64_t bytes_total, const ProgressCounts& at_start,
                  std::chrono::milliseconds line_interval);
  // Shows `now` if the style's interval has passed since the last display.
  void update(const ProgressCounts& now);
  // The last state, and a line break after the bar.
  void finish(const ProgressCounts& now);

 private:
  void show(const ProgressCounts& now);

  ProgressStyle style_;
  std::FILE* out_;
  std::string label_;
  std::size_t documents_total_;
  std::uint64_t bytes_total_;
  ProgressCounts at_start_;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_shown_;
};

// What `untm batch` shows of a running batch job: the messages of its
// phases and a ProgressDisplay for each pass, on standard error.
class BatchProgress final : public pipeline::BatchObserver {
 public:
  BatchProgress(ProgressStyle style, std::chrono::milliseconds line_interval, std::string journal_name)
      : style_(style), line_interval_(line_interval), journal_name_(std::move(journal_name)) {}

  void starting_over() override;
  void learning_started(std::size_t sample_documents, std::size_t all_documents) override;
  void learning_progress(std::size_t documents_done, std::uint64_t sentence_pairs) override;
  void learning_pass_finished(std::size_t documents_done, std::uint64_t sentence_pairs) override;
  void learning_finished(std::size_t learned_entries, std::uint64_t sentence_pairs) override;
  void aligning_started(std::size_t documents, std::uint64_t bytes_total, const ProgressCounts& at_start) override;
  void aligning_progress(const ProgressCounts& now) override;
  void aligning_finished(const ProgressCounts& now) override;

 private:
  ProgressStyle style_;
  std::chrono::milliseconds line_interval_;
  std::string journal_name_;
  std::optional<ProgressDisplay> display_;
};

}  // namespace untm::cli
