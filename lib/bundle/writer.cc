#include "bundle/writer.h"

#include <fmt/format.h>

#include <stdexcept>

#include "bundle/zstd_frames.h"
#include "core/error.h"
#include "format/tmx.h"

namespace untm::bundle {

EncodedDocument encode_document(const AlignedDocument& document, const format::TmxHeader& header,
                                int compression_level) {
  EncodedDocument encoded;
  encoded.id = document.id;
  encoded.first_language = document.first_language;
  encoded.second_language = document.second_language;
  format::CleanupCounts counts;
  std::string units;
  encoded.unit_count = format::append_tmx_units(units, document, format::with_creation_date(header), {}, counts);
  encoded.cleaned_characters = counts.total();
  encoded.frame = compress_frame(units, compression_level);
  encoded.checksum = frame_checksum(encoded.frame).value_or(0);
  return encoded;
}

BundleWriter::BundleWriter(std::ostream& out, format::TmxHeader header, int compression_level)
    : out_(out), header_(format::with_creation_date(std::move(header))), compression_level_(compression_level) {
  const std::string frame = compress_frame(format::render_tmx_header(header_), compression_level_);
  index_.header = {position_, frame.size()};
  write(frame);
}

void BundleWriter::write(std::string_view bytes) {
  out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out_) throw OutputError("bundle output", "write failed");
  position_ += bytes.size();
}

void BundleWriter::append(const EncodedDocument& document) {
  if (finished_) throw std::logic_error("BundleWriter::append after finish");
  if (!ids_.insert(document.id).second) {
    throw InputError(document.id, "a document with this id is already in the bundle");
  }
  IndexEntry entry;
  entry.id = document.id;
  entry.first_language = document.first_language;
  entry.second_language = document.second_language;
  entry.unit_count = document.unit_count;
  entry.checksum = document.checksum;
  entry.cleaned_characters = document.cleaned_characters;
  entry.frame.size = document.frame.size();
  write(encode_document_marker(entry));
  entry.frame.offset = position_;
  write(document.frame);
  index_.documents.push_back(std::move(entry));
}

void BundleWriter::finish() {
  if (finished_) return;
  const std::string footer = compress_frame(format::tmx_footer(), compression_level_);
  index_.footer = {position_, footer.size()};
  write(footer);
  write(encode_index_frame(index_));
  out_.flush();
  if (!out_) throw OutputError("bundle output", "write failed");
  finished_ = true;
}

}  // namespace untm::bundle
