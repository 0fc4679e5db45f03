#include "pipeline/document.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../shared_data.h"
#include "core/error.h"

TEST_CASE("presplit: line i is sentence i, empty lines left out", "[pipeline][document]") {
  const std::string input = "First line.\r\nSecond line\n\n  \nThird\n";
  untm::pipeline::TextWarnings warnings;
  const auto document = untm::pipeline::read_document(input, untm::Language::en, "gold.txt", {.presplit = true}, &warnings);
  REQUIRE(document.paragraphs.size() == 1);
  const auto& sentences = document.paragraphs[0].sentences;
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].text == "First line.");
  CHECK(sentences[1].text == "Second line");
  CHECK(sentences[2].text == "Third");
  // Spans point into the decoded text, where CRLF became one '\n'.
  CHECK(sentences[1].source == untm::SourceSpan{12, 23});
  CHECK_FALSE(warnings.empty);
}

TEST_CASE("presplit keeps a line whole even when it holds two sentences", "[pipeline][document]") {
  const auto document = untm::pipeline::read_document("他来了。她走了。\n", untm::Language::zh, "zh", {.presplit = true});
  REQUIRE(document.paragraphs.size() == 1);
  REQUIRE(document.paragraphs[0].sentences.size() == 1);
  CHECK(document.paragraphs[0].sentences[0].text == "他来了。她走了。");
}

TEST_CASE("sentence spans point at their text in the decoded input", "[pipeline][document]") {
  const std::string input = "  The first sentence ends here. The second one\nruns onto a new line.\n";
  const auto document = untm::pipeline::read_document(input, untm::Language::en, "x.txt");
  REQUIRE(document.paragraphs.size() == 1);
  const auto& sentences = document.paragraphs[0].sentences;
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[1].text == "The second one runs onto a new line.");
  CHECK(input.substr(sentences[0].source.begin, sentences[0].source.end - sentences[0].source.begin) ==
        "The first sentence ends here.");
  CHECK(input.substr(sentences[1].source.begin, sentences[1].source.end - sentences[1].source.begin) ==
        "The second one\nruns onto a new line.");
}

namespace {

std::string read_error(const std::string& bytes, std::optional<untm::read::InputFormat> format) {
  try {
    untm::pipeline::read_document(bytes, untm::Language::en, "report.bin", {.format = format});
  } catch (const untm::InputError& error) {
    CHECK(error.source() == "report.bin");
    return error.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("input format: a forced DOCX or PDF that the bytes contradict says what the file looks like",
          "[pipeline][document]") {
  using untm::read::InputFormat;
  const std::string zip = std::string("PK\x03\x04") + std::string(40, '\0');
  CHECK_THAT(read_error(zip, InputFormat::pdf),
             Catch::Contains("asked to read it as a PDF, but it is not a PDF: it looks like a ZIP package"));
  CHECK_THAT(read_error("%PDF-1.4\n", InputFormat::docx),
             Catch::Contains("asked to read it as a DOCX, but it is not a DOCX: it looks like a PDF"));
  CHECK_THAT(read_error("Plain words.\n", InputFormat::pdf), Catch::Contains("it looks like text"));
  CHECK_THAT(read_error("%PDF-1.4\n\x01\x02\x03binary", InputFormat::text),
             Catch::Contains("asked to read it as text, but it looks like a PDF"));
}

TEST_CASE("input format text reads a text file that quotes the PDF signature near its start",
          "[pipeline][document]") {
  const std::string note = "The header %PDF-1.7 opens every PDF file. Readers look for it first.\n";
  CHECK(read_error(note, std::nullopt) != "no error");  // by content it is a PDF, and a broken one
  const auto document =
      untm::pipeline::read_document(note, untm::Language::en, "note.txt", {.format = untm::read::InputFormat::text});
  REQUIRE(document.paragraphs.size() == 1);
  REQUIRE(document.paragraphs[0].sentences.size() == 2);
  CHECK(document.paragraphs[0].sentences[1].text == "Readers look for it first.");
  CHECK(document.paragraphs[0].sentences[1].page == 0);
}

TEST_CASE("the seed reply comes out as 6 headings and 12 body paragraphs", "[pipeline][document][.shared]") {
  const std::string path = "corpora/un/seed-reply-azerbaijan-zh/000_c646f0441c388454.txt";
  const auto document = untm::pipeline::read_document(untm::test::read_shared(path), untm::Language::zh, path);
  std::vector<std::string> headings;
  std::vector<std::string> body;
  for (const auto& paragraph : document.paragraphs) {
    std::string text;
    for (const auto& sentence : paragraph.sentences) text += sentence.text;
    (paragraph.heading ? headings : body).push_back(text);
    CHECK(text.find("http") == std::string::npos);
  }
  CHECK(headings == std::vector<std::string>{"二. 已收到的各国政府的答复", "阿塞拜疆", "[原件：英文]",
                                             "[2013 年 8 月 30 日]", "综述",
                                             "在南高加索地区有效采取建立信任和安全措施的障碍"});
  REQUIRE(body.size() == 12);
  const auto resolution = std::find_if(body.begin(), body.end(),
                                       [](const std::string& text) { return text.starts_with("大会第 67/61 号决议"); });
  REQUIRE(resolution != body.end());
  CHECK(resolution->find("第 822(1993)、853(1993)、874(1993)和 884(1993)号决议中") != std::string::npos);
  CHECK(resolution->ends_with("遗憾的是，亚美尼亚并未执行上述任何一个决议。"));
  // No paragraph is broken inside a sentence: each body paragraph ends one.
  for (const auto& text : body) CHECK(text.ends_with("。"));
}

TEST_CASE("read_document_paragraphs: each paragraph is taken in order, split as read_document splits it",
          "[pipeline][document]") {
  const std::string input = "First paragraph. It has two sentences.\n\nSecond paragraph.\n";
  std::vector<untm::Paragraph> taken;
  untm::pipeline::TextWarnings warnings;
  untm::pipeline::read_document_paragraphs(input, untm::Language::en, "x.txt", {}, &warnings,
                                           [&taken](untm::Paragraph&& paragraph) { taken.push_back(std::move(paragraph)); });
  REQUIRE(taken.size() == 2);
  REQUIRE(taken[0].sentences.size() == 2);
  CHECK(taken[0].sentences[0].text == "First paragraph.");
  CHECK(taken[0].sentences[1].text == "It has two sentences.");
  CHECK(taken[0].sentences[1].source == untm::SourceSpan{17, 38});
  REQUIRE(taken[1].sentences.size() == 1);
  CHECK(taken[1].sentences[0].text == "Second paragraph.");
  CHECK(taken[1].sentences[0].source == untm::SourceSpan{40, 57});
  CHECK_FALSE(warnings.empty);
}

TEST_CASE("read_document_paragraphs: a document without text takes nothing and says it is empty",
          "[pipeline][document]") {
  std::size_t calls = 0;
  untm::pipeline::TextWarnings warnings;
  untm::pipeline::read_document_paragraphs(" \n\n  \n", untm::Language::zh, "blank.txt", {}, &warnings,
                                           [&calls](untm::Paragraph&&) { ++calls; });
  CHECK(calls == 0);
  CHECK(warnings.empty);
}
