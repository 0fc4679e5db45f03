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

// A text converted to UTF-16 once, for several Utf8Regex searches.
class Utf16Text {
 public:
  // Keeps a view of `utf8`, which must outlive the searches.
  void assign(std::string_view utf8);

 private:
  friend class Utf8Regex;
  std::string_view utf8_;
  icu::UnicodeString utf16_;
  bool converted_ = false;  // false: not valid UTF-8 (the conversion would substitute)
};

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
    own_text_.assign(text);
    for_each_match(own_text_, group, found);
  }
  // The same over a text converted before.
  template <typename Found>
  void for_each_match(const Utf16Text& text, int group, Found&& found) {
    UErrorCode status = U_ZERO_ERROR;
    const bool utf16 = reset(text);
    Utf8Offsets offsets(text.utf8_);
    while (matcher_->find(status)) {
      const auto begin = static_cast<std::size_t>(matcher_->start64(group, status));
      const auto end = static_cast<std::size_t>(matcher_->end64(group, status));
      if (utf16) found(offsets.at(begin), offsets.at(end));
      else found(begin, end);
    }
    check(status);
  }

 private:
  // Byte offsets in valid UTF-8 of UTF-16 indexes, walking forward from the
  // index asked before (or from the start again for a smaller one).
  class Utf8Offsets {
   public:
    explicit Utf8Offsets(std::string_view text) : text_(text) {}
    std::size_t at(std::size_t utf16_index);

   private:
    std::string_view text_;
    std::size_t utf16_ = 0;
    std::size_t byte_ = 0;
  };

  // Points the matcher at `text` through a UTF-8 UText, which converts
  // only as far as the matcher reads.
  void reset(std::string_view text);
  // For matches() and matches_prefix(), which mostly fail within a few
  // characters: a short text (a line) converted whole, a long one (a
  // paragraph) through the UText.
  void reset_for_anchored(std::string_view text);
  // Points the matcher at the UTF-16 of `text` (true), on which ICU
  // searches several times faster than through a UTF-8 UText; when `text` is
  // not valid UTF-8, at the UTF-8 itself, whose indexes are then byte
  // offsets (false).
  bool reset(const Utf16Text& text);
  void check(UErrorCode status) const;

  std::unique_ptr<icu::RegexPattern> pattern_;
  std::unique_ptr<icu::RegexMatcher> matcher_;
  UText* text_ = nullptr;
  Utf16Text own_text_;
};

}  // namespace untm
