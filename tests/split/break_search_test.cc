// Each hand-written break search against the regular expression it stands
// for (the search the splitter would otherwise run: `before` then a
// look-ahead for `after`), over generated text and the shared UN samples.
#include "split/break_search.h"
#include "split/segmentation_rules.h"

#include <catch2/catch.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "../shared_data.h"

namespace {

using Search = void (*)(std::u16string_view, std::vector<std::size_t>&);

struct Reference {
  Search search;
  std::unique_ptr<icu::RegexMatcher> regex;
};

// The rules of both languages that carry a hand-written search, with the
// regular expression search built as the splitter builds it.
std::vector<Reference> references() {
  std::vector<Reference> result;
  for (const auto language : {untm::Language::zh, untm::Language::en}) {
    for (const auto& rule : untm::segmentation_rules(language)) {
      if (rule.search == nullptr) continue;
      const std::string pattern = rule.before.empty()
                                      ? "(?:" + std::string(rule.after) + ")"
                                      : "(?:" + std::string(rule.before) + ")(?=(?:" + std::string(rule.after) + "))";
      UErrorCode status = U_ZERO_ERROR;
      auto regex = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern), 0, status);
      REQUIRE(U_SUCCESS(status));
      result.push_back({rule.search, std::move(regex)});
    }
  }
  return result;
}

std::vector<std::size_t> regex_positions(icu::RegexMatcher& regex, const icu::UnicodeString& text, bool at_start) {
  std::vector<std::size_t> positions;
  UErrorCode status = U_ZERO_ERROR;
  regex.reset(text);
  while (regex.find(status)) positions.push_back(static_cast<std::size_t>(at_start ? regex.start(status) : regex.end(status)));
  REQUIRE(U_SUCCESS(status));
  return positions;
}

void check_same(std::vector<Reference>& rules, const icu::UnicodeString& text) {
  for (auto& rule : rules) {
    std::vector<std::size_t> found;
    rule.search(std::u16string_view(text.getBuffer(), static_cast<std::size_t>(text.length())), found);
    std::string utf8;
    text.toUTF8String(utf8);
    INFO("text: " << utf8);
    REQUIRE(found == regex_positions(*rule.regex, text, false));
  }
}

}  // namespace

TEST_CASE("the enumerator break search finds what its regular expression finds", "[split][en]") {
  std::vector<std::size_t> found;
  untm::find_enumerator_breaks(u"He left. (b) Then; (c) not. (iv) yes!” (12) no.  (ab) x. (iiii) y.    (a) z. (a)", found);
  CHECK(found == std::vector<std::size_t>{9, 28, 39, 57});
  auto rules = references();
  REQUIRE(!rules.empty());
  // Pieces that make and break the rule: sentence ends, closers, every kind
  // of white space ICU's \s may or may not take, enumerators of each shape
  // and near misses, digits beyond ASCII (one outside the BMP), CJK, and a
  // lone surrogate.
  const std::u16string pieces[] = {
      u".", u"!", u"?", u"’", u"”", u"'", u"\"", u")", u"(", u" ", u"  ", u"\t", u"\n", u"\v", u"\f", u"\r",
      u"\u0085", u"\x1C", u"\u00A0", u"\u3000", u"\u2028", u"\u200B", u"\uFEFF", u"\u1680", u"\u180E", u"a", u"b", u"z",
      u"i", u"v", u"x", u"l", u"I", u"V", u"A", u"0", u"1", u"12", u"123", u"\u0663", u"\uFF11", u"\U0001D7CE",
      u"(a)", u"(iv)", u"(xiv)", u"(iiii)", u"(iiiii)", u"(12)", u"(1)", u"(123)", u"(ab)", u"(A)", u"()",
      u"(\u0663)", u"(\U0001D7CF)", u"1.", u"iv)", u"第一", u"（一）", u"。", u",", u";", u"\xD800", u"\xDC00",
      u". (a) ", u"?” (b) ", u".’” (c) ", u".’”’ (d) ", u".    (e) "};
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(1, 24);
  for (int sample = 0; sample < 20000; ++sample) {
    std::u16string text;
    for (int n = count(random); n > 0; --n) text += pieces[piece(random)];
    check_same(rules, icu::UnicodeString(text.data(), static_cast<std::int32_t>(text.size())));
  }
}

TEST_CASE("the break searches agree with their regular expressions on the UN samples", "[split][.shared]") {
  auto rules = references();
  for (const auto* path : {"corpora/un/ga-ldc-resolution-paras/en.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.en",
                           "corpora/un/ga-ldc-resolution-paras/zh.txt"}) {
    const std::string bytes = untm::test::read_shared(path);
    std::size_t start = 0;
    while (start < bytes.size()) {
      std::size_t end = bytes.find('\n', start);
      if (end == std::string::npos) end = bytes.size();
      check_same(rules, icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data() + start, static_cast<std::int32_t>(end - start))));
      start = end + 1;
    }
  }
}
