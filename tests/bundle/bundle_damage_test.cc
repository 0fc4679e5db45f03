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

// The bundle as untm wrote it before markers had a checksum ("UNTMDOC1"
// markers, 8 bytes shorter, and an index pointing at the frames after them).
std::string with_version_1_markers(const std::string& bundle, const Layout& layout, bool with_index) {
  BundleIndex index = layout.index;
  std::string out = bundle.substr(0, index.header.end());
  for (IndexEntry& entry : index.documents) {
    out += encode_document_marker(entry, 1);
    const std::string frame = bundle.substr(entry.frame.offset, entry.frame.size);
    entry.frame.offset = out.size();
    out += frame;
  }
  const std::string footer = bundle.substr(index.footer.offset, index.footer.size);
  index.footer.offset = out.size();
  out += footer;
  if (with_index) out += encode_index_frame(index);
  return out;
}

// `bundle` with its document `number`'s marker (which must follow document
// number - 1's frame) replaced by `marker`.
std::string with_marker(const std::string& bundle, const Layout& layout, std::size_t number, const std::string& marker) {
  const std::uint64_t start = layout.index.documents[number - 1].frame.end();
  const std::uint64_t end = layout.index.documents[number].frame.offset;
  return bundle.substr(0, start) + marker + bundle.substr(end);
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

  // Every field a reader shows counts, the count of cleaned characters too,
  // which no frame confirms: the marker's checksum does.
  const Tally tally = flip_each(bundle, structural_bytes(layout, 3), original);
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

// A marker whose checksum holds (rewritten whole, or an older bundle's
// without checksum) still has to agree with its frame.
TEST_CASE("with the index gone, a marker that names another document is not believed", "[bundle][robustness]") {
  const std::string intact = write_bundle(small_documents());
  const Layout layout = layout_of(intact);
  IndexEntry renamed = layout.index.documents[1];
  REQUIRE(renamed.id == "A/68/155/Add.1");
  renamed.id = "A/68/154/Add.1";
  const std::string rewritten = with_marker(intact.substr(0, layout.index_start), layout, 1,
                                            encode_document_marker(renamed));
  std::string old_style = with_version_1_markers(intact, layout, false);
  const std::size_t id_at = old_style.find("A/68/155/Add.1");
  REQUIRE(id_at != std::string::npos);
  old_style[id_at + 7] = '4';

  for (const std::string& bundle : {rewritten, old_style}) {
    std::istringstream in(bundle);
    BundleReader reader(in, kName);
    CHECK_FALSE(reader.complete());
    REQUIRE(reader.losses().size() == 1);
    CHECK(reader.losses()[0].find("A/68/154/Add.1") != std::string::npos);
    CHECK(reader.losses()[0].find("name another document") != std::string::npos);
    CHECK(reader.find("A/68/154/Add.1") == nullptr);
    REQUIRE(reader.documents().size() == 3);
    CHECK(reader.documents()[1].id.starts_with("frame-at-byte-"));
    CHECK(reader.documents()[2].id == "S/2013/123");
  }
}

TEST_CASE("with the index gone, a marker whose checksum fails loses its document loudly", "[bundle][robustness]") {
  const std::string intact = write_bundle(small_documents());
  const Layout layout = layout_of(intact);
  std::string bundle = intact.substr(0, layout.index_start);
  // The last 8 bytes of the second marker are its checksum; the 8 before,
  // its count of cleaned characters, which no frame confirms.
  const std::uint64_t cleaned = layout.index.documents[1].frame.offset - 16;
  bundle[cleaned] = static_cast<char>(bundle[cleaned] ^ 0x05);
  std::istringstream in(bundle);
  BundleReader reader(in, kName);
  CHECK_FALSE(reader.complete());
  REQUIRE(reader.losses().size() == 2);
  CHECK(reader.losses()[0].find("damaged document marker: its checksum differs") != std::string::npos);
  CHECK(reader.losses()[1].find("its document's name is lost") != std::string::npos);
  CHECK(reader.find("A/68/155/Add.1") == nullptr);
}

TEST_CASE("bundles with markers of version 1 (no checksum) still read, the unverified field said so",
          "[bundle][robustness]") {
  const std::string intact = write_bundle(small_documents());
  const Layout layout = layout_of(intact);
  const Reading original = read_whole(intact);
  const std::string indexed = with_version_1_markers(intact, layout, true);
  REQUIRE(indexed.size() + 3 * kDocumentMarkerChecksumSize == intact.size());
  {
    std::istringstream in(indexed);
    BundleReader reader(in, kName);
    CHECK_FALSE(reader.index_rebuilt());
    CHECK(reader.warnings().empty());
    CHECK(reader.verify().ok());
  }
  CHECK(same_reading(read_whole(indexed), original));

  const std::string scanned = with_version_1_markers(intact, layout, false);
  CHECK(same_reading(read_whole(scanned), original));
  std::istringstream in(scanned);
  BundleReader reader(in, kName);
  CHECK(reader.complete());
  std::size_t unverified = 0;
  for (const std::string& warning : reader.warnings()) {
    unverified += warning.find("count of cleaned characters") != std::string::npos &&
                  warning.find("unverified") != std::string::npos;
  }
  CHECK(unverified == 3);
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
