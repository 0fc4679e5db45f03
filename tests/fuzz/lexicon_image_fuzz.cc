// Fuzz target for the reader of compiled dictionaries (lexicon_image.h),
// the bytes untm reads back from its cache folder. The input is an image
// without its checksum: the target appends the right one, so that the
// fuzzer reaches the reader's checks of counts, offsets, words and entries
// instead of stopping at the checksum. An image it accepts must write back
// to the same bytes.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/hash.h"
#include "lexicon/lexicon_image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string image(reinterpret_cast<const char*>(data), size);
  // The source key sits after the magic (18 bytes) and the version (4).
  constexpr std::size_t kKeyOffset = 18 + 4;
  const std::uint64_t key = image.size() >= kKeyOffset + 8 ? untm::read_u64_le(std::string_view(image).substr(kKeyOffset)) : 0;
  untm::append_u64_le(image, untm::checksum64(image));
  const auto lexicon = untm::lexicon::read_lexicon_image(image, key);
  if (lexicon && untm::lexicon::write_lexicon_image(*lexicon, key) != image)
    throw std::logic_error("an accepted image does not write back to its own bytes");
  return 0;
}
