#pragma once
// The resume journal of a batch: every finished document, written as the
// batch goes, so that a batch killed at any moment (SIGKILL included) can be
// finished by rerunning it with --resume, without redoing, losing or
// duplicating a document.
//
// Append-only binary file, integers little-endian:
//   header   "untm-batch-journal 1 " <fingerprint> " " <creation date> "\n"
//   records  one per document, in list order (index 0, 1, 2, ...):
//            "UJR2"  u8 status (0 done, 1 failed)  u64 index
//            u64 pair_count  u64 input_bytes
//            4 × (u64 length, bytes): id, failed_file, failure_reason, payload
//            u64 warning count, then each warning as (u64 length, bytes)
//            (u64 length, bytes): inputs
//            u64 FNV-1a 64 of every record byte after "UJR2"
//            A record of journals before warnings and inputs ("UJR1") ends
//            after the payload; it still reads, with neither.
// A kill tears at most the record being written; the reader stops at the
// first record that is short, out of order or fails its checksum, and says
// where the valid prefix ends so the writer can cut the torn tail off.

#include <cstdint>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "batch/manifest.h"
#include "bundle/writer.h"

namespace untm::batch {

struct JournalRecord {
  std::uint64_t index = 0;  // position in the batch's document list
  std::string id;
  bool failed = false;
  std::string failed_file;     // which input was bad (empty if not one file)
  std::string failure_reason;  // the error message
  std::uint64_t pair_count = 0;
  std::uint64_t input_bytes = 0;
  std::string payload;  // the finished document (opaque here: the tool's encoding)
  std::vector<std::string> warnings;  // for the user, about a done document
  // What the inputs of a failed document were when it failed (opaque here):
  // a resume retries it only when they changed. Empty: always retried.
  std::string inputs;
  friend bool operator==(const JournalRecord&, const JournalRecord&) = default;
};

// A short text that changes whenever the document list or `settings` (every
// option that changes the output) change; --resume refuses a journal written
// for another batch.
std::string batch_fingerprint(std::span<const DocumentPair> documents, std::string_view settings);

// The creation date is kept so that documents finished after a resume carry
// the same date as those before it. Neither field may hold a space or a line
// break (InputError).
std::string encode_journal_header(std::string_view fingerprint, std::string_view creation_date);
std::string encode_journal_record(const JournalRecord& record);

// The payload of a done record: the document as encoded for the bundle, so
// that assembling the bundle never aligns or compresses it again.
std::string encode_document_payload(const bundle::EncodedDocument& document);
// Throws InputError naming `source_name` for a payload that is not one.
bundle::EncodedDocument decode_document_payload(std::string_view payload, const std::string& source_name);

// Reads a journal one record at a time (memory stays at one record).
class JournalReader {
 public:
  // Reads the header; throws InputError naming `source_name` when the stream
  // is not a batch journal.
  JournalReader(std::istream& in, std::string source_name);

  const std::string& fingerprint() const noexcept { return fingerprint_; }
  const std::string& creation_date() const noexcept { return creation_date_; }
  // The next complete record, or nullopt at the end of the valid prefix.
  std::optional<JournalRecord> next();
  // Bytes of the header and the complete records returned so far.
  std::uint64_t valid_size() const noexcept { return valid_size_; }
  // Whether next() stopped before the end of the stream (a torn record).
  bool stopped_at_torn_record() const noexcept { return torn_; }

 private:
  std::istream& in_;
  std::string source_name_;
  std::string fingerprint_;
  std::string creation_date_;
  std::uint64_t valid_size_ = 0;
  std::uint64_t stream_size_ = 0;
  std::uint64_t next_index_ = 0;
  bool torn_ = false;
  bool finished_ = false;
};

}  // namespace untm::batch
