#pragma once
// Reading a bundle (.tmx.zst, layout in bundle/index.h) from a seekable
// stream. Opening reads only the index at the end; each document is
// decompressed on its own, in constant memory, so reading one document costs
// the same in a bundle of ten documents or of a million.
//
// When the index is missing or damaged (a truncated file, a flipped byte),
// the reader rebuilds the document list by scanning the frames from the start
// and says so in warnings(); documents before the damage stay readable.

#include <cstdint>
#include <istream>
#include <ostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/index.h"
#include "bundle/writer.h"
#include "core/types.h"
#include "format/tmx.h"

namespace untm::bundle {

struct FrameProblem {
  std::string document;   // id, or "header" / "footer" / "index"
  std::uint64_t offset = 0;
  std::string problem;
};

struct VerifyReport {
  std::size_t frames_checked = 0;
  std::uint64_t units_checked = 0;
  std::vector<FrameProblem> problems;
  bool ok() const noexcept { return problems.empty(); }
};

class BundleReader {
 public:
  // Throws InputError naming `source_name` when the stream is not a bundle at
  // all (no header frame at its start).
  BundleReader(std::istream& in, std::string source_name);

  const std::string& source_name() const noexcept { return source_name_; }
  std::uint64_t file_size() const noexcept { return file_size_; }
  const BundleIndex& index() const noexcept { return index_; }
  const std::vector<IndexEntry>& documents() const noexcept { return index_.documents; }
  // Found while opening: a rebuilt index, truncation, damaged frames.
  const std::vector<std::string>& warnings() const noexcept { return warnings_; }
  bool index_rebuilt() const noexcept { return index_rebuilt_; }
  bool truncated() const noexcept { return truncated_; }
  // What a scan could not recover or confirm: a document whose frame or name
  // is lost, bytes skipped between the header and the footer. Each names the
  // document or the byte; also in warnings().
  const std::vector<std::string>& losses() const noexcept { return losses_; }
  // The document list is the bundle's whole content, every name confirmed:
  // only then may a reader of the whole bundle report success.
  bool complete() const noexcept { return !truncated_ && losses_.empty(); }

  // The first document with this id, or nullptr.
  const IndexEntry* find(std::string_view id) const;

  // The decompressed header frame (XML declaration up to <body>) and its
  // fields. Throw InputError when the header frame is damaged.
  std::string header_xml();
  format::TmxHeader header();

  // Writes the document's <tu> elements to `out`. Throws InputError naming
  // the document when its frame is damaged.
  void read_document(const IndexEntry& entry, std::ostream& out);
  std::string document_xml(const IndexEntry& entry);
  AlignedDocument document(const IndexEntry& entry);

  // The document's frame as stored, checked by decompressing it: for
  // copying it into another bundle (merge, resume) without recompressing.
  EncodedDocument encoded_document(const IndexEntry& entry);

  // Decompresses every frame, checks checksums and unit counts against the
  // index and each document marker against its index entry; names each
  // damaged document.
  VerifyReport verify();

 private:
  bool load_index();
  bool layout_matches(const BundleIndex& index, std::uint64_t index_start) const;
  // Rebuilding the document list frame by frame (when the index is missing
  // or damaged); each step reads the frame at the cursor and moves past it,
  // returning false where the scan cannot go on.
  struct ScanCursor;
  class FrameContent;
  void scan();
  bool scan_skippable_frame(ScanCursor& cursor, std::uint32_t magic);
  bool skip_unrecognised_bytes(ScanCursor& cursor);
  bool scan_zstd_frame(ScanCursor& cursor);
  bool record_damaged_frame(ScanCursor& cursor, const std::string& problem);
  void record_document_frame(ScanCursor& cursor, FrameLocation frame, const FrameContent& content);
  std::string marker_mismatch(const IndexEntry& marker, FrameLocation frame, const FrameContent& content);
  bool stop_truncated(std::string warning);
  void record_loss(std::string problem);
  std::optional<std::uint64_t> next_document_marker(std::uint64_t from);
  std::string read_bytes(std::uint64_t offset, std::uint64_t size);
  std::string checked_frame_problem(const IndexEntry& entry, std::uint64_t* units_seen);
  std::string marker_problem(const IndexEntry& entry, std::uint64_t marker_offset);
  [[noreturn]] void fail_document(const IndexEntry& entry, const std::string& problem) const;

  std::istream& in_;
  std::string source_name_;
  std::uint64_t file_size_ = 0;
  BundleIndex index_;
  std::vector<std::string> warnings_;
  std::vector<std::string> losses_;
  std::string index_frame_problem_;
  bool index_rebuilt_ = false;
  bool truncated_ = false;
};

}  // namespace untm::bundle
