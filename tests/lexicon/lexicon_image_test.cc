#include "lexicon/lexicon_image.h"

#include <catch2/catch.hpp>

#include <string>

#include "core/bytes.h"
#include "core/hash.h"

using namespace untm::lexicon;

namespace {
Lexicon sample_lexicon() {
  Lexicon lexicon;
  lexicon.add("国家", "country");
  lexicon.add("发展", "develop", 0.5);
  lexicon.add("国家", "state", 0.25);
  lexicon.add("和平", "peace", 0.75);
  return lexicon;
}

bool same(const Lexicon& left, const Lexicon& right) {
  if (left.size() != right.size() || left.word_count() != right.word_count()) return false;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (!(left.entry(index) == right.entry(index))) return false;
    if (left.entry_ids(index).chinese != right.entry_ids(index).chinese ||
        left.entry_ids(index).english != right.entry_ids(index).english)
      return false;
  }
  return true;
}
}  // namespace

TEST_CASE("a lexicon image reads back the same entries, words and ids, and finds them", "[lexicon]") {
  const Lexicon lexicon = sample_lexicon();
  const std::optional<Lexicon> read = read_lexicon_image(write_lexicon_image(lexicon, 42), 42);
  REQUIRE(read.has_value());
  CHECK(same(*read, lexicon));
  CHECK(read->strength("国家", "state") == 0.25);
  CHECK(read->strength("发展", "develop") == 0.5);
  CHECK(read->strength("和平", "country") == 0.0);
  // It takes new entries as any lexicon does.
  Lexicon grown = *read;
  grown.add("和平", "country", 0.5);
  CHECK(grown.strength("和平", "country") == 0.5);
  CHECK(grown.size() == lexicon.size() + 1);
  CHECK(read_lexicon_image(write_lexicon_image(Lexicon{}, 7), 7).has_value());
}

TEST_CASE("an image for another source, damaged in any byte or cut anywhere reads as none", "[lexicon]") {
  const std::string image = write_lexicon_image(sample_lexicon(), 42);
  CHECK_FALSE(read_lexicon_image(image, 43).has_value());
  for (std::size_t position = 0; position < image.size(); ++position) {
    std::string damaged = image;
    damaged[position] = static_cast<char>(damaged[position] ^ 0x10);
    INFO("byte " << position);
    CHECK_FALSE(read_lexicon_image(damaged, 42).has_value());
  }
  for (std::size_t size = 0; size < image.size(); ++size) {
    INFO("cut at " << size);
    CHECK_FALSE(read_lexicon_image(std::string_view(image).substr(0, size), 42).has_value());
  }
  CHECK_FALSE(read_lexicon_image(image + "x", 42).has_value());
}

TEST_CASE("parts that do not make a lexicon are refused", "[lexicon]") {
  const std::vector<Lexicon::EntryIds> one{{0, 1, 1.0}};
  CHECK(Lexicon::from_parts("国家country", {0, 6, 13}, one).has_value());
  CHECK_FALSE(Lexicon::from_parts("国家country", {0, 6, 12}, one).has_value());   // short of the text
  CHECK_FALSE(Lexicon::from_parts("国家country", {0, 7, 6, 13}, one).has_value());  // out of order
  CHECK_FALSE(Lexicon::from_parts("statestate", {0, 5, 10}, {}).has_value());       // a word twice
  CHECK_FALSE(Lexicon::from_parts("国家country", {0, 6, 13}, std::vector<Lexicon::EntryIds>{{0, 2, 1.0}}).has_value());
  CHECK_FALSE(Lexicon::from_parts("国家country", {0, 6, 13}, std::vector<Lexicon::EntryIds>{{0, 1, 0.0}}).has_value());
  CHECK_FALSE(Lexicon::from_parts("国家country", {0, 6, 13}, std::vector<Lexicon::EntryIds>{{0, 1, 1.0}, {0, 1, 0.5}})
                  .has_value());
}

TEST_CASE("an image of layout version 1 (FNV-1a) still reads: a batch begun by an earlier untm resumes", "[lexicon]") {
  const Lexicon lexicon = sample_lexicon();
  const std::string current = write_lexicon_image(lexicon, 42);
  // Version 1: the same bytes with version 1 and FNV-1a over them at the end.
  constexpr std::size_t kVersionOffset = 18;  // after the magic
  std::string first = current.substr(0, current.size() - 8);
  REQUIRE(untm::read_u32_le(std::string_view(first).substr(kVersionOffset)) == kLexiconImageVersion);
  first[kVersionOffset] = 1;
  std::string version_1 = first;
  untm::append_u64_le(version_1, untm::fnv1a64(first));
  const auto read = read_lexicon_image(version_1, 42);
  REQUIRE(read.has_value());
  CHECK(same(*read, lexicon));
  // Each version by its own checksum only.
  std::string wrong = first;
  untm::append_u64_le(wrong, untm::checksum64(first));
  CHECK_FALSE(read_lexicon_image(wrong, 42).has_value());
  std::string unknown = current;
  unknown[kVersionOffset] = 3;
  CHECK_FALSE(read_lexicon_image(unknown, 42).has_value());
}
