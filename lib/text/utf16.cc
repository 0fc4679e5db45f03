#include "text/utf16.h"

#include <unicode/ustring.h>

#include <algorithm>
#include <new>
#include <stdexcept>

#include <fmt/format.h>

namespace untm::detail {

char16_t* utf16_buffer(icu::UnicodeString& utf16, std::size_t size) {
  char16_t* buffer = utf16.getBuffer(std::max<std::int32_t>(static_cast<std::int32_t>(size), 1));
  if (buffer == nullptr) throw std::bad_alloc();
  return buffer;
}

void icu_utf8_to_utf16(icu::UnicodeString& utf16, char16_t* buffer, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t utf16_length = 0;
  u_strFromUTF8WithSub(buffer, utf16.getCapacity(), &utf16_length, utf8.data(), static_cast<std::int32_t>(utf8.size()),
                       0xFFFD, nullptr, &status);
  utf16.releaseBuffer(U_SUCCESS(status) ? utf16_length : 0);
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("ICU: UTF-8 to UTF-16: {}", u_errorName(status)));
}

}  // namespace untm::detail
