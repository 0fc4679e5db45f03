#pragma once
// Writing a bundle (.tmx.zst, layout in bundle/index.h). Encoding a document
// (rendering its <tu> elements and compressing them) is a pure function, so
// that a batch can encode documents on many threads; a BundleWriter then
// appends the encoded documents to one stream in the order it is given them.
//
//   BundleWriter writer(out, header, level);  // writes the header frame
//   writer.append(encode_document(doc, writer.header(), level));  // or writer.add(doc)
//   writer.finish();                         // footer frame and index frame
//
// The writer writes to a stream; writing to a temporary file and renaming it
// into place is the tool's job (tools/untm/output.h).

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_set>

#include "bundle/index.h"
#include "core/types.h"
#include "format/tmx.h"

namespace untm::bundle {

// Per-document frames lose the context of the previous documents; level 12
// keeps a bundle of UN documents smaller than the same TMX under gzip -9 at
// several MB/s per thread (untm bench bundle).
inline constexpr int kDefaultCompressionLevel = 12;

struct EncodedDocument {
  std::string id;
  std::string first_language;
  std::string second_language;
  std::string frame;               // one complete zstd frame with content checksum
  std::uint64_t unit_count = 0;
  std::uint32_t checksum = 0;      // the frame's content checksum
  std::uint64_t cleaned_characters = 0;  // XML-forbidden characters dropped or replaced
};

// Renders and compresses one document at zstd level `compression_level`.
// Pure and thread-safe. An empty header.creation_date means now (pass the
// BundleWriter's header to get one date for the whole bundle).
EncodedDocument encode_document(const AlignedDocument& document, const format::TmxHeader& header,
                                int compression_level);

class BundleWriter {
 public:
  // Writes the header frame. An empty header.creation_date becomes the
  // current time (fix it for reproducible bundles). Stream errors throw
  // OutputError("bundle output").
  BundleWriter(std::ostream& out, format::TmxHeader header, int compression_level);

  // The header with its creation date filled in.
  const format::TmxHeader& header() const noexcept { return header_; }
  int compression_level() const noexcept { return compression_level_; }

  // Appends a document frame. Throws InputError for an id already in the
  // bundle: readers find documents by id.
  void append(const EncodedDocument& document);
  void add(const AlignedDocument& document) { append(encode_document(document, header_, compression_level_)); }

  // Writes the footer and the index. Nothing may be appended afterwards.
  void finish();

  const BundleIndex& index() const noexcept { return index_; }
  std::uint64_t bytes_written() const noexcept { return position_; }

 private:
  void write(std::string_view bytes);

  std::ostream& out_;
  format::TmxHeader header_;
  int compression_level_;
  BundleIndex index_;
  std::unordered_set<std::string> ids_;
  std::uint64_t position_ = 0;
  bool finished_ = false;
};

}  // namespace untm::bundle
