#pragma once
// The index of a bundle and the small records around the document frames
// (docs/DESIGN.md, "The bundle"). A bundle is, in order:
//
//   header frame      zstd: XML declaration, <tmx>, <header/>, <body>
//   per document:
//     marker frame    skippable (magic 0x184D2A5D): "UNTMDOC2" + the document's
//                     index entry + u64 FNV-1a 64 of the signature and the
//                     entry, so that a scan can name documents without the
//                     index, and believes nothing of a damaged marker.
//                     Bundles of untm before the checksum have "UNTMDOC1"
//                     markers, without it: still read.
//     document frame  zstd: the document's <tu> elements
//   footer frame      zstd: </body></tmx>
//   index frame       skippable (magic 0x184D2A5E): a zstd frame (with content
//                     checksum) holding the encoded BundleIndex, then the
//                     12-byte trailer: u32 size of the whole index frame,
//                     "UNTMIDX1"
//
// zstd decoders skip skippable frames, so `zstd -dc` prints one TMX file.
// All integers are little-endian; strings are a u32 length and UTF-8 bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace untm::bundle {

inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::uint32_t kZstdFrameMagic = 0xFD2FB528;
inline constexpr std::uint32_t kSkippableMagicMask = 0xFFFFFFF0;
inline constexpr std::uint32_t kSkippableMagicBase = 0x184D2A50;
inline constexpr std::uint32_t kDocumentMarkerMagic = 0x184D2A5D;
inline constexpr std::uint32_t kIndexMagic = 0x184D2A5E;
inline constexpr std::string_view kDocumentMarkerSignature = "UNTMDOC2";
inline constexpr std::string_view kDocumentMarkerSignatureV1 = "UNTMDOC1";  // no checksum
inline constexpr std::size_t kDocumentMarkerChecksumSize = 8;
inline constexpr std::string_view kIndexTrailerSignature = "UNTMIDX1";
inline constexpr std::size_t kIndexTrailerSize = 12;
inline constexpr std::size_t kSkippableHeaderSize = 8;

struct FrameLocation {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint64_t end() const noexcept { return offset + size; }
  friend bool operator==(const FrameLocation&, const FrameLocation&) = default;
};

struct IndexEntry {
  std::string id;                  // UN symbol or file stem
  std::string first_language;      // languages of the aligned pairs, in link order
  std::string second_language;
  FrameLocation frame;             // the document's zstd frame
  std::uint64_t unit_count = 0;    // <tu> elements in the frame
  std::uint32_t checksum = 0;      // the frame's zstd content checksum (XXH64 of its XML, low 32 bits)
  std::uint64_t cleaned_characters = 0;  // XML-forbidden characters dropped or replaced
  // Set only by a scan: the frame could not be decompressed.
  bool damaged = false;
  friend bool operator==(const IndexEntry&, const IndexEntry&) = default;
};

struct BundleIndex {
  std::uint32_t format_version = kFormatVersion;
  FrameLocation header;
  FrameLocation footer;
  std::vector<IndexEntry> documents;
};

bool is_skippable_magic(std::uint32_t magic) noexcept;

// The whole index frame (skippable header, compressed index, trailer).
std::string encode_index_frame(const BundleIndex& index);
// The compressed index inside an index frame's content (without the
// trailer). Throws InputError naming `source_name` when it is damaged.
BundleIndex decode_index(std::string_view compressed, const std::string& source_name);

// The marker frame written before a document frame (frame.offset is not
// stored: a marker's document frame follows it). `version` 1 writes the
// marker of older bundles, without checksum (for tests).
std::string encode_document_marker(const IndexEntry& entry, int version = 2);
// Whether a marker frame of `size` bytes (skippable header included) can be
// `entry`'s, in either version.
bool is_document_marker_size(const IndexEntry& entry, std::uint64_t size);
// The content of a marker frame (after the 8-byte skippable header). Throws
// InputError naming `source_name` when it is damaged, its checksum included.
// `checksummed`, if given, says whether the marker had a checksum (version
// 2): the fields of a version 1 marker that its frame does not confirm are
// unverified.
IndexEntry decode_document_marker(std::string_view content, const std::string& source_name,
                                  bool* checksummed = nullptr);

}  // namespace untm::bundle
