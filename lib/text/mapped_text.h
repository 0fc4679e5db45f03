#pragma once
// Text assembled from pieces of a source text (the decoded document), which
// remembers for every byte where in the source it came from. Cleaning builds
// one per paragraph so that each sentence can report its SourceSpan.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

struct MappedText {
  std::string text;
  // source_offset[i]: offset in the source of text[i]. Bytes the cleaner
  // inserted (the space that joins two English lines) map to the source
  // position they stand for.
  std::vector<std::size_t> source_offset;

  // Appends source[begin, end).
  void append_source(std::string_view source, std::size_t begin, std::size_t end) {
    text.append(source.substr(begin, end - begin));
    for (std::size_t offset = begin; offset < end; ++offset) source_offset.push_back(offset);
  }
  // Appends bytes that are not in the source, standing at `source_position`.
  void append_inserted(std::string_view inserted, std::size_t source_position) {
    text.append(inserted);
    source_offset.insert(source_offset.end(), inserted.size(), source_position);
  }
  // Where text[begin, end) came from: from its first byte to just after its
  // last (so a sentence that runs across a page break spans the page furniture
  // in between). Requires begin < end <= text.size().
  SourceSpan source_span(std::size_t begin, std::size_t end) const {
    return {source_offset[begin], source_offset[end - 1] + 1};
  }
};

}  // namespace untm
