#include "format/tmx.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <string>

#include "core/error.h"
#include "sample_document.h"
#include "format/tmx_reader.h"

using namespace untm;
using namespace untm::format;

namespace {

TmxHeader fixed_header(std::string srclang = "en") {
  TmxHeader header;
  header.srclang = std::move(srclang);
  header.creation_date = "20130830T120000Z";
  return header;
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document document;
  const auto result = document.load_string(xml.c_str());
  INFO(result.description() << " at " << result.offset << " in\n" << xml);
  REQUIRE(result);
  return document;
}

}  // namespace

TEST_CASE("the TMX header carries every attribute TMX 1.4b requires", "[format][tmx]") {
  CleanupCounts counts;
  const std::string xml = render_tmx(AlignedDocument{}, fixed_header(), {}, counts);
  const auto document = parse(xml);
  const auto tmx = document.child("tmx");
  CHECK(std::string(tmx.attribute("version").value()) == "1.4");
  const auto header = tmx.child("header");
  for (const char* attribute : {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang",
                                "datatype", "creationdate"}) {
    INFO(attribute);
    CHECK(header.attribute(attribute).value()[0] != '\0');
  }
  CHECK(std::string(header.attribute("segtype").value()) == "sentence");
  CHECK(std::string(header.attribute("srclang").value()) == "en");
  CHECK(std::string(header.attribute("creationdate").value()) == "20130830T120000Z");
  CHECK(tmx.child("body"));
  CHECK(!tmx.child("body").child("tu"));
}

TEST_CASE("a creation date that is not a TMX date is refused", "[format][tmx]") {
  TmxHeader header = fixed_header();
  header.creation_date = "2013-08-30";
  CHECK_THROWS_AS(render_tmx_header(header), InputError);
  CHECK(is_tmx_date("20130830T120000Z"));
  CHECK_FALSE(is_tmx_date("20130830 120000Z"));
}

TEST_CASE("a TMX date must exist on the calendar", "[format][tmx]") {
  CHECK(is_tmx_date("20240229T235959Z"));   // a leap day
  CHECK(is_tmx_date("20000229T000000Z"));   // 2000 is a leap year
  CHECK_FALSE(is_tmx_date("20231329T120000Z"));  // month 13
  CHECK_FALSE(is_tmx_date("20230001T120000Z"));  // month 0
  CHECK_FALSE(is_tmx_date("20230229T120000Z"));  // not a leap year
  CHECK_FALSE(is_tmx_date("19000229T120000Z"));  // 1900 is not one either
  CHECK_FALSE(is_tmx_date("20230431T120000Z"));  // April has 30 days
  CHECK_FALSE(is_tmx_date("20230100T120000Z"));  // day 0
  CHECK_FALSE(is_tmx_date("20230101T240000Z"));
  CHECK_FALSE(is_tmx_date("20230101T126000Z"));
  CHECK_FALSE(is_tmx_date("20230101T120060Z"));
}

TEST_CASE("each pair becomes a <tu> with its props and one <tuv> per language, srclang first", "[format][tmx]") {
  CleanupCounts counts;
  const std::string xml = render_tmx(testing::sample_document(), fixed_header(), {}, counts);
  const auto document = parse(xml);
  const auto body = document.child("tmx").child("body");
  std::vector<pugi::xml_node> units(body.children("tu").begin(), body.children("tu").end());
  REQUIRE(units.size() == 4);

  const auto& second = units[1];
  CHECK(std::string(second.attribute("tuid").value()) == "A/68/155:2");
  CHECK(std::string(second.attribute("creationdate").value()) == "20130830T120000Z");
  CHECK(std::string(second.find_child_by_attribute("prop", "type", "x-document").text().get()) == "A/68/155");
  CHECK(std::string(second.find_child_by_attribute("prop", "type", "x-link").text().get()) == "1-2");
  CHECK(std::string(second.find_child_by_attribute("prop", "type", "x-cost").text().get()) == "1.5000");
  CHECK(std::string(second.find_child_by_attribute("prop", "type", "x-confidence").text().get()) == "0.8000");
  CHECK(std::string(second.find_child_by_attribute("prop", "type", "x-origin").text().get()) == "auto");
  std::vector<pugi::xml_node> variants(second.children("tuv").begin(), second.children("tuv").end());
  REQUIRE(variants.size() == 2);
  CHECK(std::string(variants[0].attribute("xml:lang").value()) == "en");
  CHECK(std::string(variants[1].attribute("xml:lang").value()) == "zh");
  // Markup characters come back unchanged after escaping.
  CHECK(std::string(variants[0].child("seg").text().get()) ==
        "Pursuant to resolution 67/61, \"confidence-building\" <measures>. R&D & co.");
  CHECK(std::string(variants[1].child("seg").text().get()) == "根据第67/61号决议，“建立信任措施”<和>报告&附件。");
  CHECK(std::string(variants[0].find_child_by_attribute("prop", "type", "x-sentences").text().get()) == "1-2");

  // The null link has only the side that exists.
  std::vector<pugi::xml_node> null_variants(units[2].children("tuv").begin(), units[2].children("tuv").end());
  REQUIRE(null_variants.size() == 1);
  CHECK(std::string(null_variants[0].attribute("xml:lang").value()) == "zh");
  CHECK(std::string(units[2].find_child_by_attribute("prop", "type", "x-link").text().get()) == "1-0");
  CHECK(counts.total() == 0);
}

TEST_CASE("srclang zh puts the Chinese <tuv> first", "[format][tmx]") {
  CleanupCounts counts;
  const auto document = parse(render_tmx(testing::sample_document(), fixed_header("zh"), {}, counts));
  const auto first_unit = document.child("tmx").child("body").child("tu");
  CHECK(std::string(first_unit.child("tuv").attribute("xml:lang").value()) == "zh");
}

TEST_CASE("characters XML 1.0 forbids never reach the file and are counted", "[format][tmx]") {
  AlignedDocument document = testing::sample_document();
  // A form feed and a NUL (C0 controls), U+FFFE, an encoded surrogate (ED A0 80)
  // and a stray continuation byte.
  document.pairs[0].first.text = std::string("阿塞\f拜疆") + '\0' + "\xEF\xBF\xBE!";
  document.pairs[0].second.text = "Azer\xED\xA0\x80" "baijan\x80";
  CleanupCounts counts;
  const std::string xml = render_tmx(document, fixed_header(), {}, counts);
  CHECK(xml.find('\f') == std::string::npos);
  CHECK(xml.find('\0') == std::string::npos);
  CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
  CHECK(xml.find("\xED\xA0\x80") == std::string::npos);
  CHECK(counts.dropped_characters == 3);
  CHECK(counts.replaced_sequences == 4);  // one U+FFFD per byte of the bad sequences
  const auto parsed = parse(xml);
  const auto unit = parsed.child("tmx").child("body").child("tu");
  CHECK(std::string(unit.find_child_by_attribute("tuv", "xml:lang", "zh").child("seg").text().get()) == "阿塞拜疆!");
  CHECK(std::string(unit.find_child_by_attribute("tuv", "xml:lang", "en").child("seg").text().get()) ==
        "Azer\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "baijan\xEF\xBF\xBD");
}

TEST_CASE("a carriage return inside a segment survives XML's line-end normalisation", "[format][tmx]") {
  AlignedDocument document = testing::sample_document();
  document.pairs[0].second.text = "line one\r\nline two";
  CleanupCounts counts;
  AlignedDocument parsed = parse_tmx_units([&] {
    std::string units;
    append_tmx_units(units, document, fixed_header(), {}, counts);
    return units;
  }(), "test", "zh", "en");
  CHECK(parsed.pairs[0].second.text == "line one\r\nline two");
}

TEST_CASE("a minimum confidence leaves out the weaker pairs", "[format][tmx]") {
  CleanupCounts counts;
  std::string units;
  const std::size_t written = append_tmx_units(units, testing::sample_document(), fixed_header(),
                                                     FormatOptions{PairSelection(PairFilter{.min_confidence = 0.6})}, counts);
  CHECK(written == 2);
  // tuids keep the pair's position in the document.
  CHECK(units.find("tuid=\"A/68/155:1\"") != std::string::npos);
  CHECK(units.find("tuid=\"A/68/155:2\"") != std::string::npos);
  CHECK(units.find("tuid=\"A/68/155:3\"") == std::string::npos);
}

TEST_CASE("the units read back give the pairs that were written", "[format][tmx]") {
  const AlignedDocument original = testing::sample_document();
  CleanupCounts counts;
  std::string units;
  append_tmx_units(units, original, fixed_header(), {}, counts);
  const AlignedDocument parsed = parse_tmx_units(units, "test", "zh", "en");
  CHECK(parsed.id == original.id);
  REQUIRE(parsed.pairs.size() == original.pairs.size());
  for (std::size_t i = 0; i < original.pairs.size(); ++i) {
    INFO("pair " << i);
    const AlignedPair& expected = original.pairs[i];
    const AlignedPair& got = parsed.pairs[i];
    CHECK(got.first.text == expected.first.text);
    CHECK(got.second.text == expected.second.text);
    CHECK(got.link.type() == expected.link.type());
    CHECK(got.link.cost == Approx(expected.link.cost).margin(1e-4));
    CHECK(got.link.confidence == Approx(expected.link.confidence).margin(1e-4));
    CHECK(got.first.source == expected.first.source);
    CHECK(got.link.first == expected.link.first);
    if (!expected.link.second.empty()) {
      CHECK(got.second.source == expected.second.source);
      CHECK(got.link.second == expected.link.second);
    }
  }
}

TEST_CASE("a manual link is marked x-origin manual and read back as manual", "[format][tmx]") {
  AlignedDocument original = testing::sample_document();
  original.pairs[2].origin = LinkOrigin::manual;
  CleanupCounts counts;
  std::string units;
  append_tmx_units(units, original, fixed_header(), {}, counts);
  const auto xml = parse("<body>" + units + "</body>");
  std::vector<std::string> origins;
  for (const auto& unit : xml.child("body").children("tu")) {
    origins.push_back(unit.find_child_by_attribute("prop", "type", "x-origin").text().get());
  }
  CHECK(origins == std::vector<std::string>{"auto", "auto", "manual", "auto"});
  const AlignedDocument parsed = parse_tmx_units(units, "test", "zh", "en");
  REQUIRE(parsed.pairs.size() == 4);
  CHECK(parsed.pairs[2].origin == LinkOrigin::manual);
  CHECK(parsed.pairs[3].origin == LinkOrigin::automatic);
}

TEST_CASE("malformed TMX is an InputError naming its source", "[format][tmx]") {
  try {
    parse_tmx_units("<tu><tuv>", "bundle.tmx.zst: document X", "zh", "en");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.source() == "bundle.tmx.zst: document X");
  }
}
