#include "text/utf8_regex.h"

#include <fmt/format.h>

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
    : pattern_(std::move(other.pattern_)), matcher_(std::move(other.matcher_)), text_(other.text_) {
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

bool Utf8Regex::matches(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  reset(text);
  const bool result = matcher_->matches(status);
  check(status);
  return result;
}

bool Utf8Regex::matches_prefix(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  reset(text);
  const bool result = matcher_->lookingAt(status);
  check(status);
  return result;
}

}  // namespace untm
