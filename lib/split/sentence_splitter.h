#pragma once
// Sentence splitting: ICU's sentence BreakIterator (UAX #29), corrected by the
// per-language rule tables of segmentation_rules.h.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "text/spaces.h"

namespace untm {

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
  std::vector<Range> split(std::string_view paragraph);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace untm
