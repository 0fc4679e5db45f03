#pragma once
// Text assembled from pieces of a source text (the decoded document), which
// remembers for every byte where in the source it came from. Cleaning builds
// one per paragraph so that each sentence can report its SourceSpan.
//
// The map is kept as runs, not one offset per byte: a paragraph is mostly
// long stretches copied from the source, and eight bytes of offset per byte
// of text made the text pipeline's memory ten times its input.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

class MappedText {
 public:
  std::string text;

  // Appends source[begin, end).
  void append_source(std::string_view source, std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    map_run(text.size(), begin, true);
    text.append(source.substr(begin, end - begin));
  }
  // Appends bytes that are not in the source, standing at `source_position`.
  void append_inserted(std::string_view inserted, std::size_t source_position) {
    if (inserted.empty()) return;
    // One inserted byte maps like one source byte at its position, so the
    // space that replaces a run of white space extends the run it stands in.
    map_run(text.size(), source_position, inserted.size() == 1);
    text.append(inserted);
  }
  // Appends `piece` with its map.
  void append(const MappedText& piece) {
    for (const auto& run : piece.runs_) map_run(text.size() + run.text_begin, run.source_begin, run.advances);
    text += piece.text;
  }
  // Removes the last byte of text.
  void pop_back() {
    text.pop_back();
    if (!runs_.empty() && runs_.back().text_begin == text.size()) runs_.pop_back();
  }
  // Where text[at] came from. Requires at < text.size().
  std::size_t source_offset(std::size_t at) const {
    const auto run = std::prev(std::upper_bound(runs_.begin(), runs_.end(), at,
                                                [](std::size_t value, const Run& r) { return value < r.text_begin; }));
    return run->advances ? run->source_begin + (at - run->text_begin) : run->source_begin;
  }
  // Where text[begin, end) came from: from its first byte to just after its
  // last (so a sentence that runs across a page break spans the page furniture
  // in between). Requires begin < end <= text.size().
  SourceSpan source_span(std::size_t begin, std::size_t end) const {
    return {source_offset(begin), source_offset(end - 1) + 1};
  }

 private:
  // From text_begin up to the next run: source_begin, source_begin + 1, ...
  // (advances) or source_begin for every byte.
  struct Run {
    std::size_t text_begin;
    std::size_t source_begin;
    bool advances;
  };

  // Starts a run at text offset `at` (the current end of text) unless the
  // last run already maps `at` to `source_begin`.
  void map_run(std::size_t at, std::size_t source_begin, bool advances) {
    if (!runs_.empty()) {
      const Run& last = runs_.back();
      const std::size_t continued = last.advances ? last.source_begin + (at - last.text_begin) : last.source_begin;
      if (last.advances == advances && continued == source_begin) return;
    }
    runs_.push_back({at, source_begin, advances});
  }

  std::vector<Run> runs_;
};

}  // namespace untm
