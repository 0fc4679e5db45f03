#include "batch/journal.h"

#include <fmt/format.h>

#include <limits>

#include "core/bytes.h"
#include "core/error.h"
#include "core/hash.h"

namespace untm::batch {

namespace {

constexpr std::string_view kHeaderPrefix = "untm-batch-journal 1 ";
constexpr std::string_view kRecordMagic = "UJR2";
constexpr std::string_view kRecordMagicV1 = "UJR1";  // no warnings, no inputs
// Bounds the warning count a damaged record may claim (each takes 8 bytes).
constexpr std::uint64_t kMaxWarnings = 1024;
constexpr std::size_t kMaxFieldSize = 256;

void append_string(std::string& out, std::string_view text) {
  append_u64_le(out, text.size());
  out.append(text);
}

}  // namespace

std::string batch_fingerprint(std::span<const DocumentPair> documents, std::string_view settings) {
  Fnv1a64 hash;
  // Lengths first, so that no two different lists hash the same bytes.
  std::string framed;
  for (const auto& pair : documents) {
    framed.clear();
    append_string(framed, pair.id);
    append_string(framed, pair.first_path);
    append_string(framed, pair.second_path);
    hash.add(framed);
  }
  framed.clear();
  append_string(framed, settings);
  hash.add(framed);
  return fmt::format("{}-{:016x}", documents.size(), hash.value());
}

std::string encode_journal_header(std::string_view fingerprint, std::string_view creation_date) {
  for (const auto field : {fingerprint, creation_date}) {
    if (field.empty() || field.find_first_of(" \r\n") != std::string_view::npos ||
        field.size() > kMaxFieldSize) {
      throw InputError("batch journal", fmt::format("cannot store '{}' in the journal header", field));
    }
  }
  return fmt::format("{}{} {}\n", kHeaderPrefix, fingerprint, creation_date);
}

std::string encode_journal_record(const JournalRecord& record) {
  std::string out(kRecordMagic);
  out.reserve(record.payload.size() + record.id.size() + record.failure_reason.size() + 128);
  out.push_back(record.failed ? 1 : 0);
  append_u64_le(out, record.index);
  append_u64_le(out, record.pair_count);
  append_u64_le(out, record.input_bytes);
  append_string(out, record.id);
  append_string(out, record.failed_file);
  append_string(out, record.failure_reason);
  append_string(out, record.payload);
  append_u64_le(out, record.warnings.size());
  for (const std::string& warning : record.warnings) append_string(out, warning);
  append_string(out, record.inputs);
  Fnv1a64 checksum;
  checksum.add(std::string_view(out).substr(kRecordMagic.size()));
  append_u64_le(out, checksum.value());
  return out;
}

std::string encode_document_payload(const bundle::EncodedDocument& document) {
  std::string out;
  out.reserve(document.frame.size() + document.id.size() + 64);
  append_string(out, document.id);
  append_string(out, document.first_language);
  append_string(out, document.second_language);
  append_u64_le(out, document.unit_count);
  append_u64_le(out, document.checksum);
  append_u64_le(out, document.cleaned_characters);
  append_string(out, document.frame);
  return out;
}

bundle::EncodedDocument decode_document_payload(std::string_view payload, const std::string& source_name) {
  std::size_t position = 0;
  const auto fail = [&]() -> void {
    throw InputError(source_name, "a journal record does not hold an encoded document", position);
  };
  const auto take_u64 = [&] {
    if (payload.size() - position < 8) fail();
    const auto value = read_u64_le(payload.substr(position, 8));
    position += 8;
    return value;
  };
  const auto take_string = [&] {
    const auto size = take_u64();
    if (payload.size() - position < size) fail();
    std::string text(payload.substr(position, size));
    position += size;
    return text;
  };
  bundle::EncodedDocument document;
  document.id = take_string();
  document.first_language = take_string();
  document.second_language = take_string();
  document.unit_count = take_u64();
  const auto checksum = take_u64();
  if (checksum > std::numeric_limits<std::uint32_t>::max()) fail();
  document.checksum = static_cast<std::uint32_t>(checksum);
  document.cleaned_characters = take_u64();
  document.frame = take_string();
  if (position != payload.size()) fail();
  return document;
}

JournalReader::JournalReader(std::istream& in, std::string source_name)
    : in_(in), source_name_(std::move(source_name)) {
  // The stream's size bounds every length field, so a torn length can never
  // make us allocate more than the file holds.
  const auto start = in_.tellg();
  in_.seekg(0, std::ios::end);
  const auto end = in_.tellg();
  in_.seekg(start);
  if (start < 0 || end < start) throw InputError(source_name_, "cannot determine the journal's size");
  stream_size_ = static_cast<std::uint64_t>(end - start);

  std::string header;
  std::getline(in_, header);
  const auto space = header.find(' ', kHeaderPrefix.size());
  if (!in_ || !header.starts_with(kHeaderPrefix) || space == std::string::npos ||
      header.size() > kHeaderPrefix.size() + 2 * kMaxFieldSize + 1) {
    throw InputError(source_name_, "not an untm batch journal (bad header)", 0);
  }
  fingerprint_ = header.substr(kHeaderPrefix.size(), space - kHeaderPrefix.size());
  creation_date_ = header.substr(space + 1);
  valid_size_ = header.size() + 1;
}

std::optional<JournalRecord> JournalReader::next() {
  if (finished_) return std::nullopt;
  const auto stop = [this](bool torn) -> std::optional<JournalRecord> {
    finished_ = true;
    torn_ = torn;
    return std::nullopt;
  };
  std::uint64_t remaining = stream_size_ - valid_size_;
  if (remaining == 0) return stop(false);

  Fnv1a64 checksum;
  const auto take = [&](std::uint64_t size, std::string& out) {
    if (size > remaining) return false;
    out.resize(size);
    if (!in_.read(out.data(), static_cast<std::streamsize>(size))) return false;
    remaining -= size;
    return true;
  };
  std::string field;
  const auto take_u64 = [&](std::uint64_t& value) {
    if (!take(8, field)) return false;
    checksum.add(field);
    value = read_u64_le(field);
    return true;
  };
  const auto take_string = [&](std::string& out) {
    std::uint64_t size = 0;
    if (!take_u64(size) || !take(size, out)) return false;
    checksum.add(out);
    return true;
  };

  // The fields a "UJR2" record has after the payload.
  const auto take_record_extras = [&](JournalRecord& out) {
    std::uint64_t count = 0;
    if (!take_u64(count) || count > kMaxWarnings) return false;
    out.warnings.resize(count);
    for (std::string& warning : out.warnings) {
      if (!take_string(warning)) return false;
    }
    return take_string(out.inputs);
  };

  JournalRecord record;
  std::string magic;
  std::string status;
  if (!take(kRecordMagic.size(), magic) || (magic != kRecordMagic && magic != kRecordMagicV1)) return stop(true);
  if (!take(1, status) || (status[0] != 0 && status[0] != 1)) return stop(true);
  checksum.add(status);
  record.failed = status[0] == 1;
  if (!take_u64(record.index) || !take_u64(record.pair_count) || !take_u64(record.input_bytes) ||
      !take_string(record.id) || !take_string(record.failed_file) || !take_string(record.failure_reason) ||
      !take_string(record.payload) || (magic == kRecordMagic && !take_record_extras(record))) {
    return stop(true);
  }
  const std::uint64_t computed = checksum.value();
  if (!take(8, field)) return stop(true);
  if (read_u64_le(field) != computed || record.index != next_index_) return stop(true);
  ++next_index_;
  valid_size_ = stream_size_ - remaining;
  return record;
}

}  // namespace untm::batch
