#pragma once
// ICU regular expressions run over UTF-8 in place (through a UText), so that
// match positions are byte offsets into the text. Used by the cleaning rule
// tables; one per thread (ICU matchers carry state).

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace untm {

class Utf8Regex {
 public:
  // Throws std::runtime_error for a pattern ICU rejects (a bug in a table).
  explicit Utf8Regex(std::string_view pattern);
  Utf8Regex(Utf8Regex&& other) noexcept;
  Utf8Regex& operator=(Utf8Regex&&) = delete;
  Utf8Regex(const Utf8Regex&) = delete;
  ~Utf8Regex();

  // The whole of `text` matches.
  bool matches(std::string_view text);
  // A match starts at the beginning of `text`.
  bool matches_prefix(std::string_view text);

  // Calls found(begin, end) with the byte range of capture group `group` of
  // every match, left to right.
  template <typename Found>
  void for_each_match(std::string_view text, int group, Found&& found) {
    UErrorCode status = U_ZERO_ERROR;
    reset(text);
    while (matcher_->find(status)) {
      found(static_cast<std::size_t>(matcher_->start64(group, status)),
            static_cast<std::size_t>(matcher_->end64(group, status)));
    }
    check(status);
  }

 private:
  void reset(std::string_view text);
  void check(UErrorCode status) const;

  std::unique_ptr<icu::RegexPattern> pattern_;
  std::unique_ptr<icu::RegexMatcher> matcher_;
  UText* text_ = nullptr;
};

}  // namespace untm
