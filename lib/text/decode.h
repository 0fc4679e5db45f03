#pragma once
// Decode: the bytes of a document as it arrives -> UTF-8 text with '\n' line
// ends. Every later stage, and every SourceSpan, works on this decoded text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace untm {

enum class SourceEncoding { utf8, utf8_with_bom, utf16le, utf16be };

struct DecodedText {
  // UTF-8, no byte-order mark, CRLF and CR turned into '\n'.
  std::string text;
  SourceEncoding encoding = SourceEncoding::utf8;
  // With `lenient`: how many invalid sequences became U+FFFD.
  std::size_t replaced_invalid_sequences = 0;
};

// Invalid UTF-8 that lenient decoding would have replaced with U+FFFD. Apart
// from other input errors so that a front end with a lenient mode can say so.
class InvalidUtf8Error : public InputError {
 public:
  using InputError::InputError;
};

// The largest input untm reads, as bytes and as decoded text. ICU and poppler
// count in 32-bit lengths (a paragraph is one icu::UnicodeString in the
// sentence splitter; a PDF is loaded with an int length), and decoding UTF-16
// makes text up to 1.5 times longer, so 1 GiB keeps every length well inside
// them (and the 32-bit line columns and counts of clean.h and paragraphs.cc).
inline constexpr std::uint64_t kMaxInputBytes = std::uint64_t{1} << 30;

// Throws InputError naming `source_name`, `size` and the limit when `size` is
// over kMaxInputBytes (a file is checked before it is read).
void check_input_size(std::uint64_t size, const std::string& source_name);

// Throws InputError (InvalidUtf8Error for invalid UTF-8) naming `source_name` and the byte offset (in `bytes`) of
// invalid UTF-8 or UTF-16 (unless `lenient`, which replaces it with U+FFFD),
// NUL bytes and other control characters that only binary data contains, and
// UTF-16 without a byte-order mark.
DecodedText decode_text(std::string_view bytes, const std::string& source_name, bool lenient);

// The same decoding, without a copy when `bytes` already is its own decoding
// (UTF-8 without a byte-order mark, CR or anything to replace or reject),
// which is most input: the text pipeline's memory is then the input once,
// not twice. The text may view `bytes`, which must outlive it.
class DecodedView {
 public:
  DecodedView(std::string_view bytes, const std::string& source_name, bool lenient);
  DecodedView(const DecodedView&) = delete;
  DecodedView& operator=(const DecodedView&) = delete;

  std::string_view text() const { return copied_ ? std::string_view(decoded_.text) : bytes_; }
  std::size_t replaced_invalid_sequences() const { return decoded_.replaced_invalid_sequences; }

 private:
  std::string_view bytes_;
  bool copied_ = false;
  DecodedText decoded_;
};

}  // namespace untm
