#pragma once
// Sentence splitting: ICU's sentence BreakIterator (UAX #29), corrected by the
// per-language rule tables of segmentation_rules.h.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

// Half-open byte range [begin, end) in the text handed to the splitter.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

enum class SplitMethod {
  icu_only,        // ICU's BreakIterator as it is: the baseline in `untm bench split`
  icu_with_rules,  // corrected by the rule tables
};

// Holds ICU's iterator and the compiled rules; building one costs far more
// than splitting a paragraph, so build one per document (or per thread) and
// reuse it. Not thread-safe: split() moves ICU's iterator.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(Language language, SplitMethod method = SplitMethod::icu_with_rules);
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  // The sentences of `paragraph` (valid UTF-8), without the white space
  // around them, in order; white-space-only text has none.
  std::vector<ByteRange> split(std::string_view paragraph);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// True for the white space that separates sentences (ASCII, NBSP, U+3000...);
// `length` receives the byte length of the character at `offset`.
bool is_space_at(std::string_view text, std::size_t offset, std::size_t& length);

// `text` without leading and trailing white space, as a range into it.
ByteRange trim_spaces(std::string_view text, ByteRange range);

}  // namespace untm
