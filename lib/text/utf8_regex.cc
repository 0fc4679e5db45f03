#include "text/utf8_regex.h"

#include <fmt/format.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>

#include "text/utf16.h"

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
      own_text_(std::move(other.own_text_)) {
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
  if (text.size() > kConvertedWhole) {
    reset(text);
    return;
  }
  own_text_.assign(text);
  (void)reset(own_text_);
}

void Utf16Text::assign(std::string_view utf8) {
  utf8_ = utf8;
  converted_ = false;
  if (utf8.size() >= static_cast<std::size_t>(INT32_MAX)) return;
  char16_t* buffer = utf16_.getBuffer(std::max<std::int32_t>(static_cast<std::int32_t>(utf8.size()), 1));
  if (buffer == nullptr) throw std::bad_alloc();
  // What ICU's converter would have substituted in is exactly what is not
  // well-formed: such a text is searched as UTF-8.
  const std::size_t units = well_formed_utf8_to_utf16(utf8, buffer);
  converted_ = units != std::string_view::npos;
  utf16_.releaseBuffer(converted_ ? static_cast<std::int32_t>(units) : 0);
}

bool Utf8Regex::reset(const Utf16Text& text) {
  if (!text.converted_) {
    reset(text.utf8_);
    return false;
  }
  matcher_->reset(text.utf16_);
  return true;
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
