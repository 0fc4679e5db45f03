#include "bundle/index.h"

#include <fmt/format.h>
#include <zstd.h>

#include "bundle/zstd_frames.h"
#include "core/bytes.h"
#include "core/error.h"
#include "core/hash.h"

namespace untm::bundle {

namespace {

// The index is small and read in full; level 3 keeps finish() fast.
constexpr int kIndexCompressionLevel = 3;
// Ids and language codes longer than this are damage, not data.
constexpr std::size_t kMaxStringSize = 1 << 16;
// An index larger than this (decompressed) is damage: it would describe more
// documents than any bundle holds.
constexpr std::uint64_t kMaxIndexSize = std::uint64_t{1} << 30;

class ByteWriter {
 public:
  void u32(std::uint32_t value) { append_u32_le(bytes_, value); }
  void u64(std::uint64_t value) { append_u64_le(bytes_, value); }
  void string(std::string_view text) {
    u32(static_cast<std::uint32_t>(text.size()));
    bytes_ += text;
  }
  void raw(std::string_view bytes) { bytes_ += bytes; }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  ByteReader(std::string_view bytes, const std::string& source_name, std::string_view what)
      : bytes_(bytes), source_name_(source_name), what_(what) {}

  std::uint32_t u32() { return read_u32_le(take(4)); }
  std::uint64_t u64() { return read_u64_le(take(8)); }
  std::string string() {
    const std::uint32_t size = u32();
    if (size > kMaxStringSize) fail(fmt::format("a string of {} bytes", size));
    return std::string(take(size));
  }
  std::string_view take(std::size_t size) {
    if (bytes_.size() - position_ < size) fail("it ends in the middle of a field");
    const std::string_view field = bytes_.substr(position_, size);
    position_ += size;
    return field;
  }
  std::size_t remaining() const noexcept { return bytes_.size() - position_; }
  [[noreturn]] void fail(const std::string& problem) const {
    throw InputError(source_name_, fmt::format("damaged {}: {}", what_, problem));
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
  const std::string& source_name_;
  std::string_view what_;
};

void write_entry_fields(ByteWriter& writer, const IndexEntry& entry) {
  writer.string(entry.id);
  writer.string(entry.first_language);
  writer.string(entry.second_language);
  writer.u64(entry.frame.size);
  writer.u64(entry.unit_count);
  writer.u32(entry.checksum);
  writer.u64(entry.cleaned_characters);
}

IndexEntry read_entry_fields(ByteReader& reader) {
  IndexEntry entry;
  entry.id = reader.string();
  entry.first_language = reader.string();
  entry.second_language = reader.string();
  entry.frame.size = reader.u64();
  entry.unit_count = reader.u64();
  entry.checksum = reader.u32();
  entry.cleaned_characters = reader.u64();
  return entry;
}

std::string skippable_frame(std::uint32_t magic, std::string_view content) {
  ByteWriter writer;
  writer.u32(magic);
  writer.u32(static_cast<std::uint32_t>(content.size()));
  writer.raw(content);
  return std::move(writer.bytes());
}

}  // namespace

bool is_skippable_magic(std::uint32_t magic) noexcept {
  return (magic & kSkippableMagicMask) == kSkippableMagicBase;
}

std::string encode_index_frame(const BundleIndex& index) {
  ByteWriter payload;
  payload.u32(index.format_version);
  payload.u64(index.header.offset);
  payload.u64(index.header.size);
  payload.u64(index.footer.offset);
  payload.u64(index.footer.size);
  payload.u64(index.documents.size());
  for (const IndexEntry& entry : index.documents) {
    payload.u64(entry.frame.offset);
    write_entry_fields(payload, entry);
  }
  ByteWriter content;
  content.raw(compress_frame(payload.bytes(), kIndexCompressionLevel));
  const std::size_t frame_size = kSkippableHeaderSize + content.bytes().size() + kIndexTrailerSize;
  content.u32(static_cast<std::uint32_t>(frame_size));
  content.raw(kIndexTrailerSignature);
  return skippable_frame(kIndexMagic, content.bytes());
}

BundleIndex decode_index(std::string_view compressed, const std::string& source_name) {
  // Without its checksum, a flipped bit in the index would go unnoticed.
  if (!frame_checksum(compressed)) throw InputError(source_name, "damaged index: no content checksum");
  const unsigned long long content_size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN ||
      content_size > kMaxIndexSize) {
    throw InputError(source_name, "damaged index: not a zstd frame of known size");
  }
  std::string payload(static_cast<std::size_t>(content_size), '\0');
  const std::size_t size = ZSTD_decompress(payload.data(), payload.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(size) || size != payload.size()) {
    throw InputError(source_name, fmt::format("damaged index: {}", ZSTD_isError(size) ? ZSTD_getErrorName(size)
                                                                                      : "wrong size"));
  }
  ByteReader reader(payload, source_name, "index");
  BundleIndex index;
  index.format_version = reader.u32();
  if (index.format_version != kFormatVersion) {
    reader.fail(fmt::format("format version {} (this untm reads version {})", index.format_version, kFormatVersion));
  }
  index.header.offset = reader.u64();
  index.header.size = reader.u64();
  index.footer.offset = reader.u64();
  index.footer.size = reader.u64();
  const std::uint64_t count = reader.u64();
  // Each entry takes at least 48 bytes: a bound that keeps a damaged count
  // from reserving memory the payload cannot fill.
  if (count > reader.remaining() / 48) reader.fail(fmt::format("{} documents in {} bytes", count, payload.size()));
  index.documents.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t offset = reader.u64();
    IndexEntry entry = read_entry_fields(reader);
    entry.frame.offset = offset;
    index.documents.push_back(std::move(entry));
  }
  if (reader.remaining() != 0) reader.fail("bytes after the last entry");
  return index;
}

std::string encode_document_marker(const IndexEntry& entry, int version) {
  ByteWriter content;
  content.raw(version == 1 ? kDocumentMarkerSignatureV1 : kDocumentMarkerSignature);
  write_entry_fields(content, entry);
  if (version != 1) content.u64(fnv1a64(content.bytes()));
  return skippable_frame(kDocumentMarkerMagic, content.bytes());
}

bool is_document_marker_size(const IndexEntry& entry, std::uint64_t size) {
  const std::uint64_t version_2 = encode_document_marker(entry).size();
  return size == version_2 || size == version_2 - kDocumentMarkerChecksumSize;
}

IndexEntry decode_document_marker(std::string_view content, const std::string& source_name, bool* checksummed) {
  ByteReader reader(content, source_name, "document marker");
  const std::string_view signature = reader.take(kDocumentMarkerSignature.size());
  const bool version_2 = signature == kDocumentMarkerSignature;
  if (!version_2 && signature != kDocumentMarkerSignatureV1) reader.fail("wrong signature");
  IndexEntry entry = read_entry_fields(reader);
  if (version_2) {
    const std::size_t checked = content.size() - reader.remaining();
    if (reader.u64() != fnv1a64(content.substr(0, checked))) reader.fail("its checksum differs");
  }
  if (reader.remaining() != 0) reader.fail("bytes after the entry");
  if (checksummed != nullptr) *checksummed = version_2;
  return entry;
}

}  // namespace untm::bundle
