#include "batch_progress.h"

#include <fmt/format.h>

#include <algorithm>

namespace untm::cli {

namespace {

constexpr std::chrono::milliseconds kBarInterval{100};

std::string describe_duration(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}h{:02}m", total / 3600, total / 60 % 60);
  return fmt::format("{}m{:02}s", total / 60, total % 60);
}

}  // namespace

std::string describe_progress(const ProgressCounts& now, const ProgressCounts& at_start,
                              std::size_t documents_total, std::uint64_t bytes_total,
                              double seconds_elapsed, std::size_t bar_width) {
  std::string line;
  if (bar_width > 0) {
    const std::size_t filled =
        documents_total == 0 ? bar_width : bar_width * now.documents_done / documents_total;
    line = fmt::format("[{}{}] ", std::string(filled, '#'), std::string(bar_width - filled, '-'));
  }
  line += fmt::format("{}/{} docs  {} pairs", now.documents_done, documents_total, now.pairs);
  if (now.documents_failed > 0) line += fmt::format("  {} failed", now.documents_failed);
  const double bytes_this_run = static_cast<double>(now.input_bytes - at_start.input_bytes);
  if (seconds_elapsed > 0 && bytes_this_run > 0) {
    const double bytes_per_second = bytes_this_run / seconds_elapsed;
    line += fmt::format("  {:.1f} MB/s", bytes_per_second / 1e6);
    const double bytes_left = bytes_total > now.input_bytes ? static_cast<double>(bytes_total - now.input_bytes) : 0;
    line += fmt::format("  ETA {}", describe_duration(bytes_left / bytes_per_second));
  }
  return line;
}

ProgressDisplay::ProgressDisplay(ProgressStyle style, std::FILE* out, std::string label, std::size_t documents_total,
                                 std::uint64_t bytes_total, const ProgressCounts& at_start,
                                 std::chrono::milliseconds line_interval)
    : style_(style),
      out_(out),
      label_(label.empty() ? label : label + ": "),
      documents_total_(documents_total),
      bytes_total_(bytes_total),
      at_start_(at_start),
      interval_(style == ProgressStyle::bar ? kBarInterval : line_interval),
      start_(std::chrono::steady_clock::now()),
      last_shown_(start_) {}

void ProgressDisplay::update(const ProgressCounts& now) {
  if (style_ == ProgressStyle::quiet) return;
  if (std::chrono::steady_clock::now() - last_shown_ < interval_) return;
  show(now);
}

void ProgressDisplay::finish(const ProgressCounts& now) {
  if (style_ == ProgressStyle::quiet) return;
  show(now);
  if (style_ == ProgressStyle::bar) fmt::print(out_, "\n");
  std::fflush(out_);
}

void ProgressDisplay::show(const ProgressCounts& now) {
  last_shown_ = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(last_shown_ - start_).count();
  if (style_ == ProgressStyle::bar) {
    // \r and "erase to end of line" (ECMA-48 EL) redraw the bar in place.
    fmt::print(out_, "\r{}{}\x1b[K", label_, describe_progress(now, at_start_, documents_total_, bytes_total_, elapsed, 30));
  } else {
    fmt::print(out_, "untm batch: {}{}\n", label_, describe_progress(now, at_start_, documents_total_, bytes_total_, elapsed, 0));
  }
  std::fflush(out_);
}

// Said even under -q: the journal's finished work is being thrown away.
void BatchProgress::starting_over() {
  fmt::print(stderr, "untm batch: starting over: {} holds an interrupted run (--resume continues it)\n", journal_name_);
}

void BatchProgress::learning_started(std::size_t sample_documents, std::size_t all_documents) {
  if (style_ != ProgressStyle::quiet) {
    // Pass 1 stops at its budget of confident pairs, often before the last.
    fmt::print(stderr, "untm batch: learning a lexicon from up to {} of {} documents (pass 1)\n", sample_documents,
               all_documents);
  }
  // Pass 1 has no byte total to estimate from: lines every 10 s whatever
  // --progress-interval says.
  display_.emplace(style_, stderr, "learning", sample_documents, 0, ProgressCounts{}, std::chrono::seconds(10));
}

void BatchProgress::learning_progress(std::size_t documents_done, std::uint64_t sentence_pairs) {
  display_->update({documents_done, 0, sentence_pairs, 0});
}

void BatchProgress::learning_pass_finished(std::size_t documents_done, std::uint64_t sentence_pairs) {
  display_->finish({documents_done, 0, sentence_pairs, 0});
}

void BatchProgress::learning_finished(std::size_t learned_entries, std::uint64_t sentence_pairs) {
  if (style_ == ProgressStyle::quiet) return;
  fmt::print(stderr, "untm batch: learned {} lexicon entries from {} sentence pairs\n", learned_entries,
             sentence_pairs);
}

void BatchProgress::aligning_started(std::size_t documents, std::uint64_t bytes_total, const ProgressCounts& at_start) {
  display_.emplace(style_, stderr, "", documents, bytes_total, at_start, line_interval_);
}

void BatchProgress::aligning_progress(const ProgressCounts& now) { display_->update(now); }

void BatchProgress::aligning_finished(const ProgressCounts& now) { display_->finish(now); }

}  // namespace untm::cli
