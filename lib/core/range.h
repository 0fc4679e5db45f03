#pragma once
// A half-open range [begin, end) of positions: bytes of a text, sentences of
// a document, documents of a batch. One type, so that every unit computes
// sizes and compares ranges the same way.

#include <compare>
#include <cstddef>

namespace untm {

struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  friend bool operator==(const Range&, const Range&) = default;
  friend auto operator<=>(const Range&, const Range&) = default;
};

}  // namespace untm
