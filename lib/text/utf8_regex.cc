#include "text/utf8_regex.h"

#include <fmt/format.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>

namespace untm {

Utf8Regex::Utf8Regex(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  const auto pattern_text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<std::int32_t>(pattern.size())));
  pattern_.reset(icu::RegexPattern::compile(pattern_text, 0, parse_error, status));
  if (U_FAILURE(status)) {
    throw std::runtime_error(fmt::format("bad regular expression in a rule table: {}: {}", pattern, u_errorName(status)));
  }
  matcher_.reset(pattern_->matcher(status));
  check(status);
}

Utf8Regex::Utf8Regex(Utf8Regex&& other) noexcept
    : pattern_(std::move(other.pattern_)),
      matcher_(std::move(other.matcher_)),
      text_(other.text_),
      utf16_(std::move(other.utf16_)) {
  other.text_ = nullptr;
}

Utf8Regex::~Utf8Regex() {
  if (text_ != nullptr) utext_close(text_);
}

void Utf8Regex::check(UErrorCode status) const {
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("ICU regular expression: {}", u_errorName(status)));
}

void Utf8Regex::reset(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  text_ = utext_openUTF8(text_, text.data(), static_cast<std::int64_t>(text.size()), &status);
  check(status);
  matcher_->reset(text_);
}

void Utf8Regex::reset_for_anchored(std::string_view text) {
  constexpr std::size_t kConvertedWhole = 256;
  if (text.size() <= kConvertedWhole) (void)reset_utf16(text);
  else reset(text);
}

bool Utf8Regex::reset_utf16(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  if (text.size() < static_cast<std::size_t>(INT32_MAX)) {
    const auto length = static_cast<std::int32_t>(text.size());
    char16_t* buffer = utf16_.getBuffer(std::max<std::int32_t>(length, 1));
    if (buffer == nullptr) throw std::bad_alloc();
    std::int32_t utf16_length = 0;
    std::int32_t substitutions = 0;
    u_strFromUTF8WithSub(buffer, utf16_.getCapacity(), &utf16_length, text.data(), length, 0xFFFD, &substitutions,
                         &status);
    utf16_.releaseBuffer(U_SUCCESS(status) ? utf16_length : 0);
    if (U_SUCCESS(status) && substitutions == 0) {
      matcher_->reset(utf16_);
      return true;
    }
  }
  reset(text);
  return false;
}

std::size_t Utf8Regex::Utf8Offsets::at(std::size_t utf16_index) {
  if (utf16_index < utf16_) utf16_ = byte_ = 0;
  while (utf16_ < utf16_index && byte_ < text_.size()) {
    const auto lead = static_cast<unsigned char>(text_[byte_]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    utf16_ += length == 4 ? 2 : 1;
    byte_ += length;
  }
  return byte_;
}

bool Utf8Regex::matches(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  reset_for_anchored(text);
  const bool result = matcher_->matches(status);
  check(status);
  return result;
}

bool Utf8Regex::matches_prefix(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  reset_for_anchored(text);
  const bool result = matcher_->lookingAt(status);
  check(status);
  return result;
}

}  // namespace untm
