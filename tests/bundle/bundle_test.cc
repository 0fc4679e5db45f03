#include <catch2/catch.hpp>
#include <zstd.h>

#include <sstream>
#include <string>
#include <vector>

#include "../format/sample_document.h"
#include "sample_bundle.h"
#include "bundle/merge.h"
#include "bundle/reader.h"
#include "bundle/writer.h"
#include "core/error.h"
#include "format/tmx.h"

using namespace untm;
using namespace untm::bundle;

namespace {

constexpr int kLevel = testing::kBundleLevel;
using testing::fixed_header;
using testing::write_bundle;

std::vector<AlignedDocument> three_documents() {
  std::vector<AlignedDocument> documents;
  for (const char* id : {"A/68/155", "A/68/155/Add.1", "S/2013/123"}) documents.push_back(testing::sample_document(id));
  documents[1].pairs.resize(2);
  return documents;
}

// What `zstd -dc` prints: every zstd frame decompressed in order, skippable
// frames skipped.
std::string decompress_all(const std::string& bundle) {
  ZSTD_DCtx* context = ZSTD_createDCtx();
  std::string text;
  std::vector<char> output(ZSTD_DStreamOutSize());
  ZSTD_inBuffer input{bundle.data(), bundle.size(), 0};
  while (input.pos < input.size) {
    ZSTD_outBuffer out{output.data(), output.size(), 0};
    const std::size_t status = ZSTD_decompressStream(context, &out, &input);
    REQUIRE_FALSE(ZSTD_isError(status));
    text.append(output.data(), out.pos);
  }
  ZSTD_freeDCtx(context);
  return text;
}

std::string units_of(const AlignedDocument& document) {
  std::string units;
  format::TmxHeader header;
  header.creation_date = "20130830T120000Z";
  format::CleanupCounts counts;
  format::append_tmx_units(units, document, header, {}, counts);
  return units;
}

}  // namespace

TEST_CASE("decompressing a bundle as one zstd stream gives one TMX file with every document", "[bundle]") {
  const auto documents = three_documents();
  const std::string bundle = write_bundle(documents);
  format::TmxHeader header;
  header.creation_date = "20130830T120000Z";
  std::string expected = format::render_tmx_header(header);
  for (const auto& document : documents) expected += units_of(document);
  expected += format::tmx_footer();
  CHECK(decompress_all(bundle) == expected);
}

TEST_CASE("the reader lists documents from the index and reads each one alone", "[bundle]") {
  const auto documents = three_documents();
  std::istringstream in(write_bundle(documents));
  BundleReader reader(in, "three.tmx.zst");
  CHECK(reader.warnings().empty());
  CHECK_FALSE(reader.index_rebuilt());
  REQUIRE(reader.documents().size() == 3);
  CHECK(reader.documents()[0].id == "A/68/155");
  CHECK(reader.documents()[1].unit_count == 2);
  CHECK(reader.documents()[2].first_language == "zh");
  const IndexEntry* entry = reader.find("A/68/155/Add.1");
  REQUIRE(entry != nullptr);
  CHECK(reader.document_xml(*entry) == units_of(documents[1]));
  const AlignedDocument parsed = reader.document(*reader.find("S/2013/123"));
  REQUIRE(parsed.pairs.size() == 4);
  CHECK(parsed.pairs[1].second.text == documents[2].pairs[1].second.text);
  CHECK(reader.find("A/99/999") == nullptr);
  CHECK(reader.header().srclang == "en");
  const VerifyReport report = reader.verify();
  CHECK(report.ok());
  CHECK(report.frames_checked == 5);
  CHECK(report.units_checked == 10);
}

TEST_CASE("a bundle with the same documents and date is the same bytes", "[bundle]") {
  CHECK(write_bundle(three_documents()) == write_bundle(three_documents()));
}

TEST_CASE("an empty alignment gives a valid bundle with no units", "[bundle]") {
  AlignedDocument empty;
  empty.id = "empty";
  const std::string bundle = write_bundle({empty});
  const std::string text = decompress_all(bundle);
  CHECK(text.find("<body>\n</body>") != std::string::npos);
  std::istringstream in(bundle);
  BundleReader reader(in, "empty.tmx.zst");
  REQUIRE(reader.documents().size() == 1);
  CHECK(reader.documents()[0].unit_count == 0);
  CHECK(reader.verify().ok());

  const std::string no_documents = write_bundle({});
  std::istringstream in2(no_documents);
  BundleReader reader2(in2, "none.tmx.zst");
  CHECK(reader2.documents().empty());
  CHECK(reader2.verify().ok());
}

TEST_CASE("the writer refuses a second document with the same id", "[bundle]") {
  std::ostringstream out;
  BundleWriter writer(out, fixed_header(), kLevel);
  writer.add(testing::sample_document("A/68/155"));
  CHECK_THROWS_AS(writer.add(testing::sample_document("A/68/155")), InputError);
}

TEST_CASE("encode_document gives the frame that add() writes", "[bundle]") {
  std::ostringstream added, appended;
  {
    BundleWriter writer(added, fixed_header(), kLevel);
    writer.add(testing::sample_document());
    writer.finish();
  }
  {
    BundleWriter writer(appended, fixed_header(), kLevel);
    const EncodedDocument encoded = encode_document(testing::sample_document(), writer.header(), kLevel);
    CHECK(encoded.unit_count == 4);
    CHECK(encoded.id == "A/68/155");
    writer.append(encoded);
    writer.finish();
  }
  CHECK(added.str() == appended.str());
}

TEST_CASE("a truncated bundle keeps the documents before the cut readable", "[bundle][robustness]") {
  const auto documents = three_documents();
  const std::string bundle = write_bundle(documents);
  std::istringstream whole(bundle);
  BundleReader complete(whole, "whole");
  const std::uint64_t cut = complete.documents()[2].frame.offset + complete.documents()[2].frame.size / 2;

  std::istringstream in(bundle.substr(0, cut));
  BundleReader reader(in, "cut.tmx.zst");
  CHECK(reader.index_rebuilt());
  CHECK(reader.truncated());
  REQUIRE(reader.documents().size() == 2);
  CHECK(reader.document_xml(*reader.find("A/68/155")) == units_of(documents[0]));
  CHECK(reader.document_xml(*reader.find("A/68/155/Add.1")) == units_of(documents[1]));
  bool says_truncated = false;
  for (const auto& warning : reader.warnings()) says_truncated |= warning.find("truncated") != std::string::npos;
  CHECK(says_truncated);
  CHECK_FALSE(reader.verify().ok());
}

TEST_CASE("a flipped byte in one document's frame is reported for that document only", "[bundle][robustness]") {
  const auto documents = three_documents();
  std::string bundle = write_bundle(documents);
  std::istringstream whole(bundle);
  BundleReader complete(whole, "whole");
  const FrameLocation damaged = complete.documents()[1].frame;
  bundle[damaged.offset + damaged.size / 2] ^= 0x20;

  std::istringstream in(bundle);
  BundleReader reader(in, "flipped.tmx.zst");
  const VerifyReport report = reader.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].document == "A/68/155/Add.1");
  CHECK(report.problems[0].offset == damaged.offset);
  CHECK_THROWS_AS(reader.document_xml(reader.documents()[1]), InputError);
  CHECK(reader.document_xml(reader.documents()[0]) == units_of(documents[0]));
  CHECK(reader.document_xml(reader.documents()[2]) == units_of(documents[2]));
}

TEST_CASE("verify reports a document marker that no longer matches the index", "[bundle][robustness]") {
  std::string bundle = write_bundle(three_documents());
  std::istringstream whole(bundle);
  const BundleIndex index = BundleReader(whole, "whole").index();
  // The marker sits just before the frame; its last field is the count of
  // cleaned characters (8 bytes): change it.
  bundle[index.documents[2].frame.offset - 8] ^= 0x01;
  std::istringstream in(bundle);
  BundleReader reader(in, "marker.tmx.zst");
  const VerifyReport report = reader.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].document == "S/2013/123");
  CHECK(report.problems[0].problem.find("marker") != std::string::npos);
}

TEST_CASE("a damaged index is rebuilt by scanning the frames, with a warning", "[bundle][robustness]") {
  const auto documents = three_documents();
  std::string bundle = write_bundle(documents);
  std::istringstream whole(bundle);
  const BundleIndex original = BundleReader(whole, "whole").index();
  // A byte inside the compressed index (just before the 12-byte trailer).
  bundle[bundle.size() - kIndexTrailerSize - 6] ^= 0x01;

  std::istringstream in(bundle);
  BundleReader reader(in, "index.tmx.zst");
  CHECK(reader.index_rebuilt());
  CHECK_FALSE(reader.truncated());
  REQUIRE(reader.warnings().size() == 1);
  CHECK(reader.warnings()[0].find("index damaged") != std::string::npos);
  REQUIRE(reader.documents().size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(reader.documents()[i] == original.documents[i]);
  CHECK(reader.index().header == original.header);
  CHECK(reader.index().footer == original.footer);
  const VerifyReport report = reader.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].document == "index");
}

TEST_CASE("bytes that are not a bundle are an InputError naming the source", "[bundle][robustness]") {
  std::istringstream in("just some text, not zstd at all");
  try {
    BundleReader reader(in, "notes.txt");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.source() == "notes.txt");
  }
}

TEST_CASE("merge concatenates documents and refuses duplicate ids unless told", "[bundle][merge]") {
  auto first_documents = three_documents();
  std::vector<AlignedDocument> second_documents = {testing::sample_document("E/2013/1"),
                                                   testing::sample_document("A/68/155")};
  second_documents[1].pairs.resize(1);
  std::istringstream first_in(write_bundle(first_documents));
  std::istringstream second_in(write_bundle(second_documents));
  BundleReader first(first_in, "first.tmx.zst");
  BundleReader second(second_in, "second.tmx.zst");
  BundleReader* inputs[] = {&first, &second};

  std::ostringstream refused;
  CHECK_THROWS_WITH(merge_bundles(inputs, refused, DuplicatePolicy::refuse),
                    Catch::Contains("A/68/155") && Catch::Contains("first.tmx.zst"));
  CHECK_THROWS_AS(merge_bundles(inputs, refused, DuplicatePolicy::refuse), untm::bundle::DuplicateDocumentError);

  std::ostringstream kept_last;
  const MergeResult result = merge_bundles(inputs, kept_last, DuplicatePolicy::keep_last);
  CHECK(result.documents == 4);
  CHECK(result.duplicates_dropped == 1);
  std::istringstream merged_in(kept_last.str());
  BundleReader merged(merged_in, "merged.tmx.zst");
  REQUIRE(merged.documents().size() == 4);
  CHECK(merged.documents()[0].id == "A/68/155");
  CHECK(merged.documents()[0].unit_count == 1);
  CHECK(merged.documents()[3].id == "E/2013/1");
  CHECK(merged.verify().ok());
  CHECK(merged.document_xml(merged.documents()[1]) == units_of(first_documents[1]));

  std::ostringstream kept_first;
  merge_bundles(inputs, kept_first, DuplicatePolicy::keep_first);
  std::istringstream first_kept_in(kept_first.str());
  BundleReader first_kept(first_kept_in, "merged.tmx.zst");
  CHECK(first_kept.documents()[0].unit_count == 4);
}

TEST_CASE("merge refuses bundles with different source languages", "[bundle][merge]") {
  format::TmxHeader chinese_original = fixed_header();
  chinese_original.srclang = "zh";
  std::istringstream first_in(write_bundle({testing::sample_document("A")}));
  std::istringstream second_in(write_bundle({testing::sample_document("B")}, chinese_original));
  BundleReader first(first_in, "en.tmx.zst");
  BundleReader second(second_in, "zh.tmx.zst");
  BundleReader* inputs[] = {&first, &second};
  std::ostringstream out;
  CHECK_THROWS_WITH(merge_bundles(inputs, out, DuplicatePolicy::refuse), Catch::Contains("srclang"));
}
