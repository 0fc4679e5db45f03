#include "read/docx.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error.h"
#include "docx_package.h"

using untm::InputError;
using untm::read::Block;
using untm::read::BlockKind;
using untm::read::read_docx;
using untm::read::test::docx;
using untm::read::test::paragraph;

namespace {

std::vector<std::string> texts(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const auto& block : blocks) out.push_back(block.text);
  return out;
}

using Texts = std::vector<std::string>;

std::string run(std::string_view inner) { return "<w:r>" + std::string(inner) + "</w:r>"; }
std::string text_run(std::string_view text) { return run("<w:t xml:space=\"preserve\">" + std::string(text) + "</w:t>"); }

}  // namespace

TEST_CASE("docx: paragraphs in document order; empty ones count as positions", "[read][docx]") {
  const auto blocks = read_docx(docx(paragraph("First.") + "<w:p/>" + paragraph("Second.") +
                                     "<w:sectPr/>"), "a.docx");
  CHECK(texts(blocks) == Texts{"First.", "Second."});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].index == 0);
  CHECK(blocks[1].index == 2);
  CHECK(blocks[1].kind == BlockKind::body);
  CHECK(blocks[1].page == 0);
}

TEST_CASE("docx: runs join, tabs are spaces, breaks are line breaks, spaces collapse", "[read][docx]") {
  const std::string body = "<w:p>" + text_run("The General") + text_run(" Assembly,") + run("<w:tab/>") +
                           text_run("recalling  its") + run("<w:br/>") + text_run(" resolution") + "</w:p>";
  CHECK(texts(read_docx(docx(body), "a.docx")) == Texts{"The General Assembly, recalling its\nresolution"});
}

TEST_CASE("docx: symbols, non-breaking and soft hyphens, hidden text", "[read][docx]") {
  const std::string body =
      "<w:p>" + text_run("non") + run("<w:noBreakHyphen/>") + text_run("governmental") + run("<w:softHyphen/>") +
      text_run(" 5") + run(R"(<w:sym w:font="Symbol" w:char="F0B1"/>)") + text_run("1 ") +
      run(R"(<w:sym w:font="Wingdings" w:char="F0FC"/>)") + text_run("x") +
      R"(<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>)" +
      R"(<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>y</w:t></w:r></w:p>)";
  CHECK(texts(read_docx(docx(body), "a.docx")) == Texts{"non-governmental 5±1 xy"});
}

TEST_CASE("docx: heading styles by name along basedOn, Title, outline levels", "[read][docx]") {
  // A Chinese Word names its built-in styles in English but gives them ids like "2".
  const std::string styles =
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="Chapter title"/><w:basedOn w:val="2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="heading 3"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>)"
      R"(<w:style w:type="character" w:styleId="H1Char"><w:name w:val="Heading 1 Char"/></w:style>)";
  const std::string body = paragraph("Report", R"(<w:pStyle w:val="Title"/>)") +
                           paragraph("第一章 总则", R"(<w:pStyle w:val="2"/>)") +
                           paragraph("Chapter I", R"(<w:pStyle w:val="MyHeading"/>)") +
                           paragraph("Outlined", R"(<w:outlineLvl w:val="1"/>)") +
                           paragraph("Body text.", R"(<w:pStyle w:val="Plain"/>)") + paragraph("Normal text.") +
                           paragraph("Unknown style.", R"(<w:pStyle w:val="H1Char"/>)");
  const auto blocks = read_docx(docx(body, {{"styles", styles}}), "a.docx");
  REQUIRE(blocks.size() == 7);
  std::vector<BlockKind> kinds;
  for (const auto& block : blocks) kinds.push_back(block.kind);
  CHECK(kinds == std::vector<BlockKind>{BlockKind::heading, BlockKind::heading, BlockKind::heading,
                                        BlockKind::heading, BlockKind::body, BlockKind::body, BlockKind::body});
}

namespace {

std::string level(int index, std::string_view format, std::string_view text, std::string_view extra = "") {
  return R"(<w:lvl w:ilvl=")" + std::to_string(index) + R"("><w:start w:val="1"/><w:numFmt w:val=")" +
         std::string(format) + R"("/><w:lvlText w:val=")" + std::string(text) + R"("/>)" + std::string(extra) +
         "</w:lvl>";
}

std::string numbered(std::string_view text, int list, int level_index) {
  return paragraph(text, R"(<w:numPr><w:ilvl w:val=")" + std::to_string(level_index) + R"("/><w:numId w:val=")" +
                             std::to_string(list) + R"("/></w:numPr>)");
}

}  // namespace

TEST_CASE("docx: list numbering is rendered as the reader sees it", "[read][docx][numbering]") {
  const std::string numbering =
      R"(<w:abstractNum w:abstractNumId="0">)" + level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)") +
      level(2, "lowerRoman", "%3)", R"(<w:lvlRestart w:val="0"/>)") + "</w:abstractNum>" +
      R"(<w:abstractNum w:abstractNumId="1">)" + level(0, "chineseCounting", "%1、") +
      level(1, "decimal", "%1.%2", R"(<w:isLgl/><w:suff w:val="nothing"/>)") + "</w:abstractNum>" +
      R"(<w:abstractNum w:abstractNumId="2">)" + level(0, "bullet", "\xEF\x82\xB7") + "</w:abstractNum>" +
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
      R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
      R"(<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>)"
      R"(<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>)"
      R"(<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>)";
  const std::string body = numbered("Decides", 1, 0) + numbered("first", 1, 1) + numbered("one", 1, 2) +
                           numbered("second", 1, 1) + numbered("Requests", 1, 0) + numbered("again first", 1, 1) +
                           numbered("two, not restarted", 1, 2) + numbered("总则", 2, 0) + numbered("目的", 2, 0) +
                           numbered("细则", 2, 1) + numbered("Continues the list of numId 1", 3, 0) +
                           numbered("Restarts", 4, 0) + numbered("Bullet point", 5, 0) +
                           numbered("Not numbered", 0, 0);
  const auto blocks = read_docx(docx(body, {{"numbering", numbering}}), "a.docx");
  CHECK(texts(blocks) == Texts{"1. Decides", "(a) first", "i) one", "(b) second", "2. Requests", "(a) again first",
                               "ii) two, not restarted", "一、 总则", "二、 目的", "2.1细则",
                               "3. Continues the list of numId 1", "1. Restarts", "Bullet point", "Not numbered"});
}

TEST_CASE("docx: numbering from the paragraph style, and numId 0 switching it off", "[read][docx][numbering]") {
  const std::string numbering = R"(<w:abstractNum w:abstractNumId="7">)" + level(0, "upperRoman", "%1.") +
                                R"(</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num>)";
  const std::string styles =
      R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
      R"(<w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>)";
  const std::string body = paragraph("Introduction", R"(<w:pStyle w:val="Heading1"/>)") +
                           paragraph("Annex", R"(<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>)") +
                           paragraph("Background", R"(<w:pStyle w:val="Heading1"/>)");
  const auto blocks = read_docx(docx(body, {{"numbering", numbering}, {"styles", styles}}), "a.docx");
  CHECK(texts(blocks) == Texts{"I. Introduction", "Annex", "II. Background"});
  CHECK(blocks[0].kind == BlockKind::heading);
}

TEST_CASE("docx: footnotes and endnotes are blocks after the body, their marks gone from it", "[read][docx][notes]") {
  const std::string notes_start =
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>)";
  const std::string footnotes =
      notes_start +
      R"(<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/RES/67/1.</w:t></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Official Records.</w:t></w:r></w:p></w:footnote>)";
  const std::string endnotes =
      R"(<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote>)";
  // The body refers to footnote 2 before footnote 1: the notes follow the body's order.
  const std::string body = "<w:p>" + text_run("Recalling its resolution,") +
                           run(R"(<w:footnoteReference w:id="2"/>)") + text_run(" and the report.") +
                           run(R"(<w:footnoteReference w:id="1"/>)") + "</w:p>" + "<w:p>" + text_run("大会。") +
                           run(R"(<w:endnoteReference w:id="1"/>)") + "</w:p>";
  const auto blocks = read_docx(docx(body, {{"footnotes", footnotes}, {"endnotes", endnotes}}), "a.docx");
  CHECK(texts(blocks) == Texts{"Recalling its resolution, and the report.", "大会。", "Official Records.",
                               "See A/RES/67/1.", "An endnote."});
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[2].kind == BlockKind::footnote);
  CHECK(blocks[4].kind == BlockKind::footnote);
  CHECK(blocks[2].index == 2);  // positions go on after the body's two paragraphs
  CHECK(blocks[4].index == 4);
}

TEST_CASE("docx: tables cell by cell, row by row, nested tables inside their cell", "[read][docx][table]") {
  const auto cell = [](std::string_view text) { return "<w:tc>" + paragraph(text) + "</w:tc>"; };
  const std::string nested = "<w:tbl><w:tr>" + cell("inner 1") + cell("inner 2") + "</w:tr></w:tbl>";
  const std::string body = paragraph("Before.") + "<w:tbl><w:tblPr/><w:tr>" + cell("Country") + cell("Votes") +
                           "</w:tr><w:tr><w:trPr><w:del w:id=\"9\" w:author=\"x\"/></w:trPr>" + cell("deleted row") +
                           "</w:tr><w:tr>" + cell("China") + "<w:tc>" + paragraph("12") + nested + "</w:tc>" +
                           "</w:tr></w:tbl>" + paragraph("After.");
  const auto blocks = read_docx(docx(body), "a.docx");
  CHECK(texts(blocks) == Texts{"Before.", "Country", "Votes", "China", "12", "inner 1", "inner 2", "After."});
  REQUIRE(blocks.size() == 8);
  CHECK(blocks[0].kind == BlockKind::body);
  CHECK(blocks[1].kind == BlockKind::table_cell);
  CHECK(blocks[6].kind == BlockKind::table_cell);
  CHECK(blocks[7].kind == BlockKind::body);
}

TEST_CASE("docx: tracked changes are accepted", "[read][docx][changes]") {
  const std::string changed =
      "<w:p>" + text_run("The Council ") + R"(<w:del w:id="1" w:author="x"><w:r><w:delText>rejects</w:delText></w:r></w:del>)" +
      R"(<w:ins w:id="2" w:author="x"><w:r><w:t>adopts</w:t></w:r></w:ins>)" + text_run(" the text") +
      R"(<w:moveFrom w:id="3" w:author="x"><w:r><w:t> moved away</w:t></w:r></w:moveFrom>)" +
      R"(<w:moveTo w:id="4" w:author="x"><w:r><w:t> as amended</w:t></w:r></w:moveTo>)" + text_run(".") + "</w:p>";
  // A deleted paragraph mark joins the paragraph to the next one.
  const std::string joined =
      R"(<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="x"/></w:rPr></w:pPr><w:r><w:t>First half</w:t></w:r></w:p>)" +
      paragraph("second half.");
  CHECK(texts(read_docx(docx(changed + joined), "a.docx")) ==
        Texts{"The Council adopts the text as amended.", "First half second half."});
}

TEST_CASE("docx: fields give their result, not their code", "[read][docx][fields]") {
  const auto field = [](std::string_view code, std::string_view result) {
    return run(R"(<w:fldChar w:fldCharType="begin"/>)") + run("<w:instrText>" + std::string(code) + "</w:instrText>") +
           run(R"(<w:fldChar w:fldCharType="separate"/>)") + text_run(result) +
           run(R"(<w:fldChar w:fldCharType="end"/>)");
  };
  // A field whose code holds another field (IF with a nested REF) shows only the outer result.
  const std::string nested_code = run(R"(<w:fldChar w:fldCharType="begin"/>)") +
                                  run("<w:instrText>IF </w:instrText>") + field("REF x", "inner result") +
                                  run(R"(<w:fldChar w:fldCharType="separate"/>)") + text_run("outer result") +
                                  run(R"(<w:fldChar w:fldCharType="end"/>)");
  const std::string body = "<w:p>" + text_run("See ") + field(" HYPERLINK \"https://undocs.org\" ", "undocs.org") +
                           text_run(", page ") + R"(<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>)" +
                           text_run("; ") + nested_code + "</w:p>" +
                           // An index entry (XE) has a code and no result: nothing shows.
                           "<w:p>" + text_run("Text") + run(R"(<w:fldChar w:fldCharType="begin"/>)") +
                           run(R"(<w:instrText>XE "entry"</w:instrText>)") + run(R"(<w:fldChar w:fldCharType="end"/>)") +
                           text_run(" goes on.") + "</w:p>";
  CHECK(texts(read_docx(docx(body), "a.docx")) == Texts{"See undocs.org, page 7; outer result", "Text goes on."});
}

TEST_CASE("docx: page headers, footers and comments are not read", "[read][docx]") {
  auto package = untm::read::test::zip_archive({
      {"_rels/.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/>)"
       R"(</Relationships>)"},
      {"word/_rels/main.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
       R"(</Relationships>)"},
      {"word/header1.xml", R"(<w:hdr xmlns:w="w"><w:p><w:r><w:t>A/RES/67/1 13-44467</w:t></w:r></w:p></w:hdr>)"},
      {"word/main.xml", R"(<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Body.</w:t></w:r>)"
                        R"(<w:commentReference w:id="0"/></w:p><w:sectPr><w:headerReference r:id="r2"/></w:sectPr>)"
                        R"(</w:body></w:document>)"},
  });
  // The main part is found through the package relationships, not by its usual name.
  CHECK(texts(read_docx(package, "a.docx")) == Texts{"Body."});
}

TEST_CASE("docx: math text is read", "[read][docx]") {
  const std::string body =
      R"(<w:p><w:r><w:t xml:space="preserve">where </w:t></w:r><m:oMath><m:r><m:t>x</m:t></m:r><m:r><m:t>=2</m:t></m:r></m:oMath></w:p>)";
  CHECK(texts(read_docx(docx(body), "a.docx")) == Texts{"where x=2"});
}

TEST_CASE("docx: bad packages give an InputError naming the file and the problem", "[read][docx][errors]") {
  const std::string good = docx(paragraph("Text."));
  CHECK_THROWS_MATCHES(read_docx(good.substr(0, good.size() / 2), "half.docx"), InputError,
                       Catch::Matchers::Predicate<InputError>([](const InputError& error) {
                         return error.source() == "half.docx" &&
                                error.message().find("not a readable ZIP package") != std::string::npos;
                       }));
  CHECK_THROWS_WITH(read_docx("plain text", "notes.docx"), Catch::Contains("notes.docx: not a readable ZIP package"));
  CHECK_THROWS_WITH(read_docx(untm::read::test::zip_archive({{"content.xml", "<office/>"}}), "sheet.odt"),
                    Catch::Contains("sheet.odt: a ZIP package without word/document.xml: not a Word document"));
  CHECK_THROWS_WITH(read_docx(untm::read::test::zip_archive({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                                             {"content.xml", "<office/>"}}),
                              "letter.odt"),
                    Catch::Contains("letter.odt: a ZIP package without word/document.xml") &&
                        Catch::Contains("an OpenDocument file: save it as .docx"));
  CHECK_THROWS_WITH(read_docx(untm::read::test::zip_archive({{"word/document.xml", "<w:document><w:body><w:p>"}}),
                              "cut.docx"),
                    Catch::Contains("cut.docx: part word/document.xml of the DOCX package, byte"));
  CHECK_THROWS_WITH(read_docx(untm::read::test::zip_archive({{"word/document.xml", "<w:workbook/>"}}), "x.docx"),
                    Catch::Contains("x.docx: word/document.xml holds no w:document/w:body"));
  std::string nested;
  for (int i = 0; i < 300; ++i) nested += "<w:ins>";
  for (int i = 0; i < 300; ++i) nested += "</w:ins>";
  CHECK_THROWS_WITH(read_docx(docx("<w:p>" + nested + "</w:p>"), "deep.docx"),
                    Catch::Contains("deep.docx: the DOCX nests elements more than"));
}
