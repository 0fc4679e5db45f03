#include "lexicon/lexicon_image.h"

#include <bit>
#include <vector>

#include "core/bytes.h"
#include "core/hash.h"

namespace untm::lexicon {

namespace {

constexpr std::string_view kMagic = "untm-lexicon-image";
constexpr std::uint32_t kVersion = kLexiconImageVersion;

// Reads the image front to back; every read checks the bytes left.
class ImageReader {
 public:
  explicit ImageReader(std::string_view bytes) : rest_(bytes) {}
  bool take(std::string_view expected) {
    if (rest_.substr(0, expected.size()) != expected) return false;
    rest_.remove_prefix(expected.size());
    return true;
  }
  bool u32(std::uint32_t& value) { return fixed(value); }
  bool u64(std::uint64_t& value) { return fixed(value); }
  bool bytes(std::size_t size, std::string& out) {
    if (rest_.size() < size) return false;
    out.assign(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return true;
  }
  std::size_t left() const { return rest_.size(); }

 private:
  template <typename Unsigned>
  bool fixed(Unsigned& value) {
    if (rest_.size() < sizeof(Unsigned)) return false;
    value = read_little_endian<Unsigned>(rest_);
    rest_.remove_prefix(sizeof(Unsigned));
    return true;
  }
  std::string_view rest_;
};

}  // namespace

std::string write_lexicon_image(const Lexicon& lexicon, std::uint64_t source_key) {
  std::string image(kMagic);
  append_u32_le(image, kVersion);
  append_u64_le(image, source_key);
  std::string text;
  std::vector<std::uint32_t> begins{0};
  begins.reserve(lexicon.word_count() + 1);
  for (std::uint32_t id = 0; id < lexicon.word_count(); ++id) {
    text += lexicon.word(id);
    begins.push_back(static_cast<std::uint32_t>(text.size()));
  }
  append_u32_le(image, static_cast<std::uint32_t>(lexicon.word_count()));
  append_u32_le(image, static_cast<std::uint32_t>(text.size()));
  for (const std::uint32_t begin : begins) append_u32_le(image, begin);
  image += text;
  append_u32_le(image, static_cast<std::uint32_t>(lexicon.size()));
  for (std::size_t index = 0; index < lexicon.size(); ++index) {
    const Lexicon::EntryIds entry = lexicon.entry_ids(index);
    append_u32_le(image, entry.chinese);
    append_u32_le(image, entry.english);
    append_u64_le(image, std::bit_cast<std::uint64_t>(entry.strength));
  }
  append_u64_le(image, checksum64(image));
  return image;
}

std::optional<Lexicon> read_lexicon_image(std::string_view bytes, std::uint64_t source_key) {
  if (bytes.size() < sizeof(std::uint64_t)) return std::nullopt;
  const std::string_view body = bytes.substr(0, bytes.size() - sizeof(std::uint64_t));
  ImageReader reader(body);
  std::uint32_t version = 0, word_count = 0, text_size = 0, entry_count = 0;
  if (!reader.take(kMagic) || !reader.u32(version)) return std::nullopt;
  // Version 1 (the same layout checked by FNV-1a) is still read: a batch
  // begun by an earlier untm resumes from its work lexicon.
  const std::uint64_t checksum = version == kVersion ? checksum64(body) : version == 1 ? fnv1a64(body) : 0;
  if ((version != kVersion && version != 1) || read_u64_le(bytes.substr(body.size())) != checksum)
    return std::nullopt;
  std::uint64_t key = 0;
  if (!reader.u64(key) || key != source_key || !reader.u32(word_count) || !reader.u32(text_size)) return std::nullopt;
  // Counts are checked against the bytes left before anything is sized by them.
  if (reader.left() / sizeof(std::uint32_t) < std::size_t{word_count} + 1) return std::nullopt;
  std::vector<std::uint32_t> begins(std::size_t{word_count} + 1);
  for (std::uint32_t& begin : begins) reader.u32(begin);
  std::string text;
  if (!reader.bytes(text_size, text) || !reader.u32(entry_count)) return std::nullopt;
  constexpr std::size_t kEntryBytes = 2 * sizeof(std::uint32_t) + sizeof(std::uint64_t);
  if (reader.left() != std::size_t{entry_count} * kEntryBytes) return std::nullopt;
  std::vector<Lexicon::EntryIds> entries(entry_count);
  for (Lexicon::EntryIds& entry : entries) {
    std::uint64_t strength = 0;
    reader.u32(entry.chinese);
    reader.u32(entry.english);
    reader.u64(strength);
    entry.strength = std::bit_cast<double>(strength);
  }
  return Lexicon::from_parts(std::move(text), std::move(begins), entries);
}

}  // namespace untm::lexicon
