#pragma once
// Writing a bundle (.tmx.zst, layout in bundle/index.h). Encoding a document
// (rendering its <tu> elements and compressing them) is a pure function, so
// that a batch can encode documents on many threads; a BundleWriter then
// appends the encoded documents to one stream in the order it is given them.
//
//   BundleWriter writer(out, header);        // writes the header frame
//   writer.append(encode_document(doc, writer.header()));  // or writer.add(doc)
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

namespace untm::bundle {

// Per-document frames lose the context of the previous documents; level 12
// keeps a bundle of UN documents smaller than the same TMX under gzip -9 at
// several MB/s per thread (untm bench bundle).
inline constexpr int kDefaultCompressionLevel = 12;

struct BundleHeader {
  std::string srclang = "en";      // TMX srclang: the original's language
  // YYYYMMDDThhmmssZ, the header's and every <tu>'s creationdate. Empty: the
  // BundleWriter sets it to the current time (fix it for reproducible bundles).
  std::string creation_date;
  std::string tool_version = UNTM_VERSION;
  int compression_level = kDefaultCompressionLevel;
};

struct EncodedDocument {
  std::string id;
  std::string first_language;
  std::string second_language;
  std::string frame;               // one complete zstd frame with content checksum
  std::uint64_t unit_count = 0;
  std::uint32_t checksum = 0;      // the frame's content checksum
  std::uint64_t cleaned_characters = 0;  // XML-forbidden characters dropped or replaced
};

// Renders and compresses one document. Pure and thread-safe. An empty
// header.creation_date means now (pass the BundleWriter's header to get one
// date for the whole bundle).
EncodedDocument encode_document(const AlignedDocument& document, const BundleHeader& header);

class BundleWriter {
 public:
  // Writes the header frame. Stream errors throw OutputError("bundle output").
  BundleWriter(std::ostream& out, BundleHeader header);

  // The header with its creation date filled in.
  const BundleHeader& header() const noexcept { return header_; }

  // Appends a document frame. Throws InputError for an id already in the
  // bundle: readers find documents by id.
  void append(const EncodedDocument& document);
  void add(const AlignedDocument& document) { append(encode_document(document, header_)); }

  // Writes the footer and the index. Nothing may be appended afterwards.
  void finish();

  const BundleIndex& index() const noexcept { return index_; }
  std::uint64_t bytes_written() const noexcept { return position_; }

 private:
  void write(std::string_view bytes);

  std::ostream& out_;
  BundleHeader header_;
  BundleIndex index_;
  std::unordered_set<std::string> ids_;
  std::uint64_t position_ = 0;
  bool finished_ = false;
};

}  // namespace untm::bundle
