// The review page's embedded data: sentence text must not be able to end the
// <script> that holds it, switch the HTML parser into a comment-like state,
// or break a JavaScript line, whatever the documents say.
#include "review_page.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace untm;

namespace {

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t found = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++found;
  return found;
}

Paragraph paragraph_of(std::initializer_list<const char*> texts) {
  Paragraph paragraph;
  for (const char* text : texts) paragraph.sentences.push_back(Sentence{text, {}});
  return paragraph;
}

}  // namespace

TEST_CASE("review page: markup and line separators in sentences stay inside the data", "[tools][review_page]") {
  pipeline::SplitPair split;
  split.first.paragraphs = {paragraph_of({"甲</script><script>alert(1)</script>", "乙<!--<script>"})};
  split.second.language = Language::en;
  split.second.paragraphs = {paragraph_of({"a\u2028b", "c\u2029d <!-- e"})};
  AlignedDocument document;
  document.id = "x";
  for (std::size_t k = 0; k < 2; ++k) {
    AlignedPair pair;
    pair.link = Link{{k, k + 1}, {k, k + 1}, 0.0, 0.5};
    document.pairs.push_back(pair);
  }
  const std::string page = cli::review_page(document, split, "zh.txt", "en.txt");
  const std::string_view page_template = cli::review_page_template();
  // The page has only the template's own "</script" and "<!--".
  CHECK(count(page, "</script") == count(page_template, "</script"));
  CHECK(count(page, "<!--") == count(page_template, "<!--"));
  CHECK(page.find("\u2028") == std::string::npos);
  CHECK(page.find("\u2029") == std::string::npos);
  // The same text, written as JSON escapes.
  CHECK(page.find(R"("甲<\/script><script>alert(1)<\/script>")") != std::string::npos);
  CHECK(page.find(R"("乙\u003c!--<script>")") != std::string::npos);
  CHECK(page.find(R"("a\u2028b")") != std::string::npos);
  CHECK(page.find(R"("c\u2029d \u003c!-- e")") != std::string::npos);
}
