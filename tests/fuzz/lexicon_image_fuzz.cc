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
  // Each layout version by its own checksum (version 1: FNV-1a).
  constexpr std::size_t kVersionOffset = 18;
  const bool version_1 =
      image.size() >= kVersionOffset + 4 && untm::read_u32_le(std::string_view(image).substr(kVersionOffset)) == 1;
  untm::append_u64_le(image, version_1 ? untm::fnv1a64(image) : untm::checksum64(image));
  const auto lexicon = untm::lexicon::read_lexicon_image(image, key);
  // An accepted image of the current layout writes back to its own bytes
  // (a version-1 one writes the current layout).
  if (lexicon && !version_1 && untm::lexicon::write_lexicon_image(*lexicon, key) != image)
    throw std::logic_error("an accepted image does not write back to its own bytes");
  return 0;
}
