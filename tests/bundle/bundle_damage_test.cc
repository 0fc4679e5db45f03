// Damaged bundles, byte by byte (issue #10, "Bundles"): whatever byte is
// flipped or wherever the file is cut, a reader of the whole bundle either
// gets exactly the documents and units that were written, or fails loudly
// (an InputError naming the file, or a document list that says it is
// incomplete). Never a shorter list, a renamed document or fewer units
// presented as the whole.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../format/sample_document.h"
#include "sample_bundle.h"
#include "bundle/reader.h"
#include "bundle/writer.h"
#include "core/error.h"
#include "format/tmx.h"

using namespace untm;
using namespace untm::bundle;

namespace {

constexpr char kName[] = "damaged.tmx.zst";

using testing::write_bundle;

std::vector<AlignedDocument> small_documents() {
  std::vector<AlignedDocument> documents;
  for (const char* id : {"A/68/155", "A/68/155/Add.1", "S/2013/123"}) documents.push_back(testing::sample_document(id));
  documents[1].pairs.resize(2);
  documents[2].second_language = "fr";
  return documents;
}

// What `untm bundle cat` or `export` of the whole bundle sees.
struct Reading {
  bool loud = false;  // refused with an InputError naming the file, or said it is incomplete
  std::string header;
  std::vector<IndexEntry> documents;
  std::vector<std::string> units;
};

Reading read_whole(const std::string& bytes) {
  Reading reading;
  std::istringstream in(bytes);
  try {
    BundleReader reader(in, kName);
    if (!reader.complete()) {
      // The CLI prints these and exits 1; each must say what is wrong.
      CHECK((reader.truncated() || !reader.losses().empty()));
      CHECK_FALSE(reader.verify().ok());
      reading.loud = true;
      return reading;
    }
    reading.header = reader.header_xml();
    for (const auto& entry : reader.documents()) {
      reading.documents.push_back(entry);
      reading.units.push_back(reader.document_xml(entry));
    }
  } catch (const InputError& error) {
    CHECK(error.source() == kName);
    CHECK_FALSE(error.message().empty());
    reading.loud = true;
  }
  return reading;
}

// The fields a reader shows; `with_cleaned` is false where they come from a
// marker that nothing else confirms (see the double-damage test).
bool same_entry(const IndexEntry& a, const IndexEntry& b, bool with_cleaned) {
  return a.id == b.id && a.first_language == b.first_language && a.second_language == b.second_language &&
         a.unit_count == b.unit_count && a.checksum == b.checksum && a.damaged == b.damaged &&
         (!with_cleaned || a.cleaned_characters == b.cleaned_characters);
}

bool same_reading(const Reading& got, const Reading& original, bool with_cleaned = true) {
  if (got.header != original.header || got.units != original.units) return false;
  if (got.documents.size() != original.documents.size()) return false;
  for (std::size_t i = 0; i < got.documents.size(); ++i) {
    if (!same_entry(got.documents[i], original.documents[i], with_cleaned)) return false;
  }
  return true;
}

struct Tally {
  std::size_t original = 0;
  std::size_t loud = 0;
};

// Flips `masks` into each byte at `offsets` (one at a time) and checks each
// reading; returns how they ended.
Tally flip_each(const std::string& bundle, const std::set<std::uint64_t>& offsets, const Reading& original,
                bool with_cleaned = true) {
  Tally tally;
  for (const std::uint64_t offset : offsets) {
    for (const unsigned char mask : {0x01, 0x04, 0x20, 0x80, 0xFF}) {
      std::string damaged = bundle;
      damaged[offset] = static_cast<char>(static_cast<unsigned char>(damaged[offset]) ^ mask);
      const Reading got = read_whole(damaged);
      INFO("byte " << offset << " ^ " << int{mask});
      if (got.loud) {
        ++tally.loud;
      } else {
        CHECK(same_reading(got, original, with_cleaned));
        ++tally.original;
      }
    }
  }
  return tally;
}

struct Layout {
  BundleIndex index;
  std::uint64_t index_start = 0;
};

Layout layout_of(const std::string& bundle) {
  std::istringstream in(bundle);
  BundleReader reader(in, "intact");
  REQUIRE(reader.complete());
  REQUIRE_FALSE(reader.index_rebuilt());
  return {reader.index(), reader.index().footer.end()};
}

// Every byte of the markers and of each zstd frame's header (at most 18
// bytes) and checksum (its last 4), and every `data_step`-th byte of the
// frames' data.
std::set<std::uint64_t> structural_bytes(const Layout& layout, std::uint64_t data_step) {
  std::set<std::uint64_t> offsets;
  std::vector<FrameLocation> frames{layout.index.header};
  std::uint64_t previous_end = layout.index.header.end();
  for (const auto& entry : layout.index.documents) {
    for (std::uint64_t at = previous_end; at < entry.frame.offset; ++at) offsets.insert(at);
    frames.push_back(entry.frame);
    previous_end = entry.frame.end();
  }
  frames.push_back(layout.index.footer);
  for (const FrameLocation& frame : frames) {
    for (std::uint64_t at = frame.offset; at < frame.end(); ++at) {
      const bool edge = at < frame.offset + 18 || at + 4 >= frame.end();
      if (edge || (at - frame.offset) % data_step == 0) offsets.insert(at);
    }
  }
  return offsets;
}

}  // namespace

TEST_CASE("every flipped byte of index, markers and frame headers reads as written or fails loudly",
          "[bundle][robustness][flip]") {
  const std::string bundle = write_bundle(small_documents());
  const Layout layout = layout_of(bundle);
  const Reading original = read_whole(bundle);
  REQUIRE_FALSE(original.loud);
  REQUIRE(original.documents.size() == 3);

  std::set<std::uint64_t> offsets = structural_bytes(layout, 5);
  for (std::uint64_t at = layout.index_start; at < bundle.size(); ++at) offsets.insert(at);
  const Tally tally = flip_each(bundle, offsets, original);
  // A flip in a marker or in the index is covered by the other copy; a flip
  // in a frame's data or checksum never is.
  CHECK(tally.original > 0);
  CHECK(tally.loud > 0);
}

TEST_CASE("with the index gone, every flipped byte of markers and frames reads as written or fails loudly",
          "[bundle][robustness][flip]") {
  const std::string intact = write_bundle(small_documents());
  const Layout layout = layout_of(intact);
  const Reading original = read_whole(intact);
  // No index: the document list comes from the markers alone.
  const std::string bundle = intact.substr(0, layout.index_start);
  const Reading scanned = read_whole(bundle);
  REQUIRE_FALSE(scanned.loud);
  CHECK(same_reading(scanned, original));

  // The count of cleaned characters is the one marker field no frame
  // confirms (a marker checksum would need a new format): it is compared
  // where the index is intact, not here.
  const Tally tally = flip_each(bundle, structural_bytes(layout, 3), original, false);
  CHECK(tally.loud > tally.original);
}

TEST_CASE("a bundle cut at any byte reads as written or fails loudly", "[bundle][robustness][truncation]") {
  const std::string bundle = write_bundle(small_documents());
  const Layout layout = layout_of(bundle);
  const Reading original = read_whole(bundle);
  std::size_t loud = 0;
  for (std::uint64_t size = 0; size < bundle.size(); ++size) {
    const Reading got = read_whole(bundle.substr(0, size));
    INFO("cut at byte " << size);
    if (got.loud) {
      ++loud;
    } else {
      // Only a cut inside the index leaves every document and the footer.
      CHECK(size >= layout.index_start);
      CHECK(same_reading(got, original));
    }
  }
  CHECK(loud == layout.index_start);
}

TEST_CASE("a damaged size field of the index frame does not make an intact bundle unreadable",
          "[bundle][robustness]") {
  const std::string bundle = write_bundle(small_documents());
  const Layout layout = layout_of(bundle);
  const Reading original = read_whole(bundle);
  const std::uint64_t index_frame = layout.index_start;
  const std::uint64_t trailer = bundle.size() - kIndexTrailerSize;
  // Bytes 4-7 of the index frame and the first 4 of the trailer both hold its size.
  for (const std::uint64_t at : {index_frame + 4, index_frame + 5, index_frame + 6, index_frame + 7, trailer,
                                 trailer + 1, trailer + 2, trailer + 3}) {
    for (const unsigned char mask : {0x01, 0x10, 0x80, 0xFF}) {
      std::string damaged = bundle;
      damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ mask);
      INFO("byte " << at << " ^ " << int{mask});
      const Reading got = read_whole(damaged);
      CHECK_FALSE(got.loud);
      CHECK(same_reading(got, original));
      std::istringstream in(damaged);
      CHECK_FALSE(BundleReader(in, kName).verify().ok());
    }
  }
}

TEST_CASE("two bundles concatenated are refused, not listed as the second alone", "[bundle][robustness]") {
  auto documents = small_documents();
  const std::string first = write_bundle({documents[0]});
  const std::string second = write_bundle({documents[1], documents[2]});
  const std::vector<std::pair<std::string, std::size_t>> cases{
      {first + second, first.size()},
      {second + first, second.size()},
      {first + first, first.size()},
      {first + second.substr(0, second.size() / 2), first.size()}};
  for (const auto& [joined, second_start] : cases) {
    std::istringstream in(joined);
    try {
      BundleReader reader(in, kName);
      FAIL("read as one bundle of " << reader.documents().size() << " documents");
    } catch (const InputError& error) {
      CHECK(error.source() == kName);
      CHECK(error.message().find(fmt::format("second bundle starts at byte {}", second_start)) != std::string::npos);
    }
  }
}

TEST_CASE("with the index gone, a marker that names another document is not believed", "[bundle][robustness]") {
  const std::string intact = write_bundle(small_documents());
  const Layout layout = layout_of(intact);
  std::string bundle = intact.substr(0, layout.index_start);
  // The second marker's id starts after its 8-byte frame header, the 8-byte
  // signature and the id's 4-byte length: "A/68/155/Add.1" becomes "A/68/154/Add.1".
  const std::uint64_t marker = layout.index.documents[0].frame.end();
  REQUIRE(bundle.substr(marker + 20, 14) == "A/68/155/Add.1");
  bundle[marker + 27] = '4';

  std::istringstream in(bundle);
  BundleReader reader(in, kName);
  CHECK_FALSE(reader.complete());
  REQUIRE(reader.losses().size() == 1);
  CHECK(reader.losses()[0].find("A/68/154/Add.1") != std::string::npos);
  CHECK(reader.losses()[0].find("name another document") != std::string::npos);
  CHECK(reader.find("A/68/154/Add.1") == nullptr);
  REQUIRE(reader.documents().size() == 3);
  CHECK(reader.documents()[1].id == fmt::format("frame-at-byte-{}", layout.index.documents[1].frame.offset));
  CHECK(reader.documents()[2].id == "S/2013/123");
}

TEST_CASE("with the index gone, a marker whose size skips a document loses it loudly", "[bundle][robustness]") {
  const std::string intact = write_bundle(small_documents());
  const Layout layout = layout_of(intact);
  std::string bundle = intact.substr(0, layout.index_start);
  // The second marker's size field, made to cover its own frame too.
  const std::uint64_t marker = layout.index.documents[0].frame.end();
  const std::uint64_t skipped = layout.index.documents[1].frame.end() - marker - kSkippableHeaderSize;
  for (int i = 0; i < 4; ++i) bundle[marker + 4 + i] = static_cast<char>((skipped >> (8 * i)) & 0xFF);

  std::istringstream in(bundle);
  BundleReader reader(in, kName);
  CHECK_FALSE(reader.complete());
  CHECK(reader.find("S/2013/123") != nullptr);
  CHECK(reader.find("A/68/155/Add.1") == nullptr);
  REQUIRE_FALSE(reader.losses().empty());
  CHECK(reader.losses()[0].find("byte " + std::to_string(marker)) != std::string::npos);
}

TEST_CASE("with the index gone, a document without units cannot be named by its marker alone",
          "[bundle][robustness]") {
  auto documents = small_documents();
  documents[1].pairs.clear();
  const std::string intact = write_bundle(documents);
  const Layout layout = layout_of(intact);
  CHECK(read_whole(intact).documents.size() == 3);

  std::istringstream in(intact.substr(0, layout.index_start));
  BundleReader reader(in, kName);
  CHECK_FALSE(reader.complete());
  REQUIRE(reader.losses().size() == 1);
  CHECK(reader.losses()[0].find("A/68/155/Add.1") != std::string::npos);
  CHECK(reader.losses()[0].find("no units") != std::string::npos);
}
