// InterText files: documents with "p:s" sentence ids and the alignment XML,
// written as the InterText editor's own examples are and read back by id.
#include "format/intertext.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error.h"

using namespace untm;
using namespace untm::format;

namespace {

// Paragraphs of `sizes` sentences, named "<language><index>".
SplitDocument document_of(Language language, std::initializer_list<std::size_t> sizes) {
  SplitDocument document;
  document.language = language;
  std::size_t index = 0;
  for (std::size_t size : sizes) {
    Paragraph paragraph;
    for (std::size_t k = 0; k < size; ++k) {
      paragraph.sentences.push_back(Sentence{std::string(language_code(language)) + std::to_string(index++), {}});
    }
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

AlignedPair pair_of(SentenceRange first, SentenceRange second, LinkOrigin origin = LinkOrigin::automatic) {
  AlignedPair pair;
  pair.link = Link{first, second, 0.5, 0.5};
  pair.origin = origin;
  return pair;
}

// zh: paragraphs of 2, 0 and 2 sentences; en: 1 and 3.
const SplitDocument kZh = document_of(Language::zh, {2, 0, 2});
const SplitDocument kEn = document_of(Language::en, {1, 3});

std::string message_of(const std::string& xml) {
  try {
    parse_intertext_links(xml, "fix.xml", kZh, kEn);
  } catch (const InputError& error) {
    CHECK(error.source() == "fix.xml");
    return error.message();
  }
  FAIL("no error for " << xml);
  return {};
}

std::string group(const std::string& links) {
  return "<?xml version='1.0' encoding='utf-8'?>\n"
         "<linkGrp toDoc='r.en.xml' fromDoc='r.zh.xml'>\n" + links + "</linkGrp>\n";
}

}  // namespace

TEST_CASE("InterText ids count paragraphs with a sentence and sentences in each from 1", "[format][intertext]") {
  CHECK(intertext_ids(kZh) == std::vector<std::string>{"1:1", "1:2", "2:1", "2:2"});
  CHECK(intertext_ids(kEn) == std::vector<std::string>{"1:1", "2:1", "2:2", "2:3"});
}

TEST_CASE("an InterText document holds its sentences in <p> and <s> with ids, escaped", "[format][intertext]") {
  SplitDocument document = document_of(Language::en, {1, 0, 1});
  document.paragraphs[0].sentences[0].text = "R&D <b> \"x\"";
  CleanupCounts counts;
  CHECK(render_intertext_document(document, "A/1", counts) ==
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<doc id=\"A/1\" language=\"en\">\n"
        "<p id=\"1\">\n<s id=\"1:1\">R&amp;D &lt;b&gt; &quot;x&quot;</s>\n</p>\n"
        "<p id=\"2\">\n<s id=\"2:1\">en1</s>\n</p>\n"
        "</doc>\n");
}

TEST_CASE("the alignment file lists the toDoc side first, as InterText does", "[format][intertext]") {
  AlignedDocument document;
  document.pairs = {pair_of({0, 2}, {0, 1}, LinkOrigin::manual), pair_of({2, 3}, {1, 1}),
                    pair_of({3, 3}, {1, 2}), pair_of({3, 4}, {2, 4})};
  const std::string xml = render_intertext_links(document, kZh, kEn, {"r.zh.xml", "r.en.xml"});
  CHECK(xml ==
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<linkGrp toDoc=\"r.en.xml\" fromDoc=\"r.zh.xml\">\n"
        "<link type=\"1-2\" xtargets=\"1:1;1:1 1:2\" status=\"man\"/>\n"
        "<link type=\"0-1\" xtargets=\";2:1\" status=\"auto\"/>\n"
        "<link type=\"1-0\" xtargets=\"2:1;\" status=\"auto\"/>\n"
        "<link type=\"2-1\" xtargets=\"2:2 2:3;2:2\" status=\"auto\"/>\n"
        "</linkGrp>\n");
  // Read back, the same links and marks.
  const std::vector<FileLink> links = parse_intertext_links(xml, "r.zh.en.alignment.xml", kZh, kEn);
  REQUIRE(links.size() == document.pairs.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    INFO(k);
    const Link& written = document.pairs[k].link;
    CHECK(links[k].link.first.size() == written.first.size());
    CHECK(links[k].link.second.size() == written.second.size());
    if (!written.first.empty()) CHECK(links[k].link.first == written.first);
    if (!written.second.empty()) CHECK(links[k].link.second == written.second);
    CHECK(links[k].marks.manual() == (k == 0));
  }
}

TEST_CASE("InterText links read back by id, status man checked", "[format][intertext]") {
  // Written by hand in InterText's own style (examples/*.alignment.xml of
  // the InterText editor): single quotes, ids with a prefix and '.'.
  const std::string xml = group("<link type='1-2' xtargets='1:1;s1:1 s1.2' status='man'/>\n"
                                "<link type='0-1' xtargets=';2:1' status='auto'/>\n"
                                "<link type='1-0' xtargets='2:1;' status='plain' mark='1'/>\n"
                                "<link type='2-1' xtargets='2:2 2:3;2:2' status='auto'/>\n");
  REQUIRE(is_intertext_links(xml));
  const std::vector<FileLink> links = parse_intertext_links(xml, "fix.xml", kZh, kEn);
  REQUIRE(links.size() == 4);
  CHECK(links[0].link.first == SentenceRange{0, 2});
  CHECK(links[0].link.second == SentenceRange{0, 1});
  CHECK(links[0].marks.checked);
  CHECK(links[1].link.first == SentenceRange{2, 3});
  CHECK(links[1].link.second.empty());
  CHECK_FALSE(links[1].marks.manual());
  CHECK(links[2].link.first.empty());
  CHECK(links[2].link.second == SentenceRange{1, 2});
  CHECK_FALSE(links[2].marks.manual());
  CHECK(links[3].link.first == SentenceRange{3, 4});
  CHECK(links[3].link.second == SentenceRange{2, 4});
  CHECK(links[3].line_number == 6);
}

TEST_CASE("fromDoc and toDoc named the other way round swap the xtargets sides", "[format][intertext]") {
  const std::string xml = "<linkGrp toDoc='r.zh.xml' fromDoc='r.en.xml'>\n"
                          "<link xtargets='1:1 1:2;1:1' status='man'/>\n</linkGrp>";
  const std::vector<FileLink> links = parse_intertext_links(xml, "fix.xml", kZh, kEn);
  REQUIRE(links.size() == 1);
  CHECK(links[0].link.first == SentenceRange{0, 2});
  CHECK(links[0].link.second == SentenceRange{0, 1});
}

TEST_CASE("an InterText file that does not fit is refused with its line", "[format][intertext]") {
  CHECK_THAT(message_of(group("<link xtargets='1:1;1:1'/>\n<link xtargets='9:9;1:2'/>\n")),
             Catch::StartsWith("line 4: ") && Catch::Contains("no sentence '9:9' in the second document"));
  CHECK_THAT(message_of(group("<link xtargets='1:1;1:1 3:1'/>\n")),
             Catch::StartsWith("line 3: ") && Catch::Contains("no sentence '3:1' in the first document"));
  CHECK_THAT(message_of(group("<link xtargets='1:1;1:1 2:2'/>\n")),
             Catch::StartsWith("line 3: ") && Catch::Contains("consecutive"));
  CHECK_THAT(message_of(group("<link xtargets='1:1'/>\n")),
             Catch::StartsWith("line 3: ") && Catch::Contains("not two id lists"));
  CHECK_THAT(message_of(group("<link xtargets='1:1;1:1'>\n")),
             Catch::StartsWith("line 4: ") && Catch::Contains("malformed XML"));
  CHECK_THAT(message_of("<?xml version='1.0'?>\n<doc/>\n"), Catch::Contains("no <linkGrp>"));
  CHECK_THAT(message_of("<a><linkGrp/><linkGrp/></a>"), Catch::Contains("2 <linkGrp>"));
}

TEST_CASE("only a file starting with '<' is taken for InterText XML", "[format][intertext]") {
  CHECK(is_intertext_links("\xEF\xBB\xBF\n  <?xml version='1.0'?><linkGrp/>"));
  CHECK(is_intertext_links("<linkGrp/>"));
  CHECK_FALSE(is_intertext_links("[0]:[0]\n"));
  CHECK_FALSE(is_intertext_links("# untm review corrections\n[0]:[0]\n"));
  CHECK_FALSE(is_intertext_links(""));
}
