#include "batch/journal.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "core/error.h"
#include "core/hash.h"

using namespace untm;
using namespace untm::batch;

namespace {

JournalRecord done_record(std::uint64_t index, std::string id, std::string payload) {
  JournalRecord record;
  record.index = index;
  record.id = std::move(id);
  record.pair_count = 10 + index;
  record.input_bytes = 1000 + index;
  record.payload = std::move(payload);
  return record;
}

std::vector<JournalRecord> read_all(const std::string& bytes) {
  std::istringstream in(bytes);
  JournalReader reader(in, "j");
  std::vector<JournalRecord> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

}  // namespace

TEST_CASE("journal records read back as written, failures included", "[batch]") {
  JournalRecord failed;
  failed.index = 1;
  failed.id = "B";
  failed.failed = true;
  failed.failed_file = "B-ZH.txt";
  failed.failure_reason = "byte 3: invalid UTF-8";
  failed.inputs = "12:00ff;unread;";
  JournalRecord warned = done_record(2, "C", "");
  warned.warnings = {"C-EN.txt: no text, nothing to align", "second\nline"};
  const std::vector<JournalRecord> written = {done_record(0, "A", std::string("\0frame\xff", 7)), failed, warned};
  std::string bytes = encode_journal_header("3-abc", "20131001T120000Z");
  for (const auto& record : written) bytes += encode_journal_record(record);

  std::istringstream in(bytes);
  JournalReader reader(in, "j");
  CHECK(reader.fingerprint() == "3-abc");
  CHECK(reader.creation_date() == "20131001T120000Z");
  std::vector<JournalRecord> read;
  while (auto record = reader.next()) read.push_back(std::move(*record));
  CHECK(read == written);
  CHECK(reader.valid_size() == bytes.size());
  CHECK_FALSE(reader.stopped_at_torn_record());
}

// A record as journals before warnings and inputs wrote it ("UJR1": the
// fields end after the payload), made from a new one without either.
std::string version_1_record(const JournalRecord& record) {
  std::string bytes = encode_journal_record(record);
  REQUIRE(bytes.starts_with("UJR2"));
  bytes.replace(0, 4, "UJR1");
  bytes.resize(bytes.size() - 8 - 16);  // checksum, warning count 0, inputs length 0
  untm::Fnv1a64 checksum;
  checksum.add(std::string_view(bytes).substr(4));
  std::string sum;
  for (int shift = 0; shift < 64; shift += 8) sum.push_back(static_cast<char>((checksum.value() >> shift) & 0xff));
  return bytes + sum;
}

TEST_CASE("journal records written before warnings and inputs still read", "[batch]") {
  JournalRecord failed = done_record(1, "B", "");
  failed.failed = true;
  failed.failure_reason = "bad";
  const std::vector<JournalRecord> written = {done_record(0, "A", "frame"), failed};
  std::string bytes = encode_journal_header("2-abc", "20131001T120000Z");
  for (const auto& record : written) bytes += version_1_record(record);
  CHECK(read_all(bytes) == written);
  // A damaged old record is still refused.
  bytes[bytes.size() - 3] ^= 1;
  CHECK(read_all(bytes).size() == 1);
}

TEST_CASE("a journal cut anywhere inside a record keeps exactly the complete records", "[batch]") {
  const std::string header = encode_journal_header("f", "d");
  const std::string first = encode_journal_record(done_record(0, "A", "payload-a"));
  const std::string second = encode_journal_record(done_record(1, "B", "payload-b"));
  for (std::size_t cut = 1; cut < second.size(); ++cut) {
    const std::string bytes = header + first + second.substr(0, cut);
    std::istringstream in(bytes);
    JournalReader reader(in, "j");
    REQUIRE(reader.next().has_value());
    CHECK_FALSE(reader.next().has_value());
    CHECK(reader.stopped_at_torn_record());
    CHECK(reader.valid_size() == header.size() + first.size());
  }
}

TEST_CASE("a journal record with a flipped byte or out of order is not trusted", "[batch]") {
  const std::string header = encode_journal_header("f", "d");
  std::string damaged = encode_journal_record(done_record(0, "A", "payload-a"));
  damaged[damaged.size() - 12] ^= 0x20;
  CHECK(read_all(header + damaged).empty());
  // Index 1 where index 0 is due: a journal from another run glued on.
  CHECK(read_all(header + encode_journal_record(done_record(1, "B", "x"))).empty());
}

TEST_CASE("a file that is not a journal is refused by name", "[batch]") {
  std::istringstream in("A\tzh.txt\ten.txt\n");
  CHECK_THROWS_WITH(JournalReader(in, "out.tmx.zst.journal"),
                    Catch::Contains("out.tmx.zst.journal") && Catch::Contains("not an untm batch journal"));
}

TEST_CASE("the batch fingerprint changes with the documents and the settings", "[batch]") {
  const std::vector<DocumentPair> list = {{"A", "a.zh", "a.en"}, {"B", "b.zh", "b.en"}};
  const auto base = batch_fingerprint(list, "presplit=0");
  CHECK(batch_fingerprint(list, "presplit=0") == base);
  CHECK(batch_fingerprint(list, "presplit=1") != base);
  auto renamed = list;
  renamed[1].second_path = "b2.en";
  CHECK(batch_fingerprint(renamed, "presplit=0") != base);
  CHECK(batch_fingerprint(std::span(list).first(1), "presplit=0") != base);
  // Field boundaries count: "ab"+"c" is not "a"+"bc".
  CHECK(batch_fingerprint(std::vector<DocumentPair>{{"ab", "c", "d"}}, "") !=
        batch_fingerprint(std::vector<DocumentPair>{{"a", "bc", "d"}}, ""));
}

TEST_CASE("an encoded document survives the journal payload unchanged", "[batch]") {
  const bundle::EncodedDocument document{"A/68/155", "zh", "en", std::string("\x28\xb5\x2f\xfd\0frame", 9), 42,
                                         0xDEADBEEF, 3};
  const auto payload = encode_document_payload(document);
  const auto decoded = decode_document_payload(payload, "j");
  CHECK(decoded.id == document.id);
  CHECK(decoded.first_language == "zh");
  CHECK(decoded.second_language == "en");
  CHECK(decoded.frame == document.frame);
  CHECK(decoded.unit_count == 42);
  CHECK(decoded.checksum == 0xDEADBEEF);
  CHECK(decoded.cleaned_characters == 3);
  CHECK_THROWS_WITH(decode_document_payload(payload.substr(0, payload.size() - 1), "j"),
                    Catch::Contains("does not hold an encoded document"));
  CHECK_THROWS_AS(decode_document_payload(payload + "x", "j"), InputError);
}
