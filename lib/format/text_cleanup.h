#pragma once
// Making arbitrary sentence text safe for the output formats. XML 1.0 (§2.2,
// production [2] Char) forbids C0 controls other than tab, newline and
// carriage return, the surrogates and U+FFFE/U+FFFF; no valid UTF-8 encodes a
// surrogate, so invalid UTF-8 is the other way such text arrives. Neither may
// reach a TMX file: forbidden characters are dropped, invalid sequences become
// U+FFFD, and both are counted so that the tool can report them.

#include <cstddef>
#include <string>
#include <string_view>

namespace untm::format {

struct CleanupCounts {
  std::size_t dropped_characters = 0;   // XML-forbidden code points removed
  std::size_t replaced_sequences = 0;   // invalid UTF-8 replaced by U+FFFD
  std::size_t total() const noexcept { return dropped_characters + replaced_sequences; }
  CleanupCounts& operator+=(const CleanupCounts& other) noexcept {
    dropped_characters += other.dropped_characters;
    replaced_sequences += other.replaced_sequences;
    return *this;
  }
};

// How a cleaned character is written out.
enum class Escaping {
  xml,    // & < > " escaped, CR as &#13; (XML would turn a raw CR into LF)
  none,   // as it is: the caller escapes (JSON strings go through core/json.h)
  line,   // one line of a plain-text format: tab, CR and LF become a space
};

// Appends `text` to `out`, dropping XML-forbidden characters, replacing
// invalid UTF-8 and escaping as `escaping` asks. `counts` accumulates.
void append_clean(std::string& out, std::string_view text, Escaping escaping, CleanupCounts& counts);

}  // namespace untm::format
