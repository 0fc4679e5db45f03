// Cleaning and paragraph rebuilding, seen through read_document.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../shared_data.h"
#include "pipeline/document.h"

namespace {

// Each paragraph's sentences joined with a space; headings marked "# ".
std::vector<std::string> paragraphs(const std::string& text, untm::Language language) {
  std::vector<std::string> result;
  for (const auto& paragraph : untm::pipeline::read_document(text, language, "test").paragraphs) {
    std::string joined = paragraph.heading ? "# " : "";
    for (const auto& sentence : paragraph.sentences) {
      if (joined.size() > 2 || (!paragraph.heading && !joined.empty())) joined += ' ';
      joined += sentence.text;
    }
    result.push_back(joined);
  }
  return result;
}

using Paragraphs = std::vector<std::string>;

}  // namespace

TEST_CASE("English: wrapped lines join with one space, wrap hyphens go, real ones stay", "[text][paragraphs]") {
  const std::string text =
      "          The Committee discussed the report on co-operation between the regional\n"
      "organizations and the Secretary-General. It also considered the informa-\n"
      "tion submitted by States and the role of the Secretary-\n"
      "General, and stressed that co-\n"
      "operation must continue in the years to come, as it has done for a long time now.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"The Committee discussed the report on co-operation between the regional organizations and the "
                   "Secretary-General. It also considered the information submitted by States and the role of the "
                   "Secretary-General, and stressed that co-operation must continue in the years to come, as it has "
                   "done for a long time now."});
}

TEST_CASE("English: without other evidence a line-end hyphen is a wrap, except after co-, non-, self-",
          "[text][paragraphs]") {
  const std::string text =
      "          In its re-\n"
      "port, the Committee welcomed the non-\n"
      "proliferation regime and its semi-\n"
      "nar on co-\n"
      "ordination of the work of the various bodies concerned with it over the years.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"In its report, the Committee welcomed the non-proliferation regime and its seminar on "
                   "co-ordination of the work of the various bodies concerned with it over the years."});
}

TEST_CASE("English: page furniture across a page break is removed", "[text][paragraphs]") {
  const std::string text =
      "A/68/155\n\n"
      "          Mongolia hosted the first meeting in June 2013, at which more than thirty\n"
      "representatives from all over the region and from further afield took part in\n\n"
      "13-44467 (E)                                                     3/12\n"
      "\fA/68/155\n\n"
      "the discussions on energy security and on disaster management in the region.\n"
      "          A second paragraph starts here, indented like the first one was.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"Mongolia hosted the first meeting in June 2013, at which more than thirty representatives from "
                   "all over the region and from further afield took part in the discussions on energy security and "
                   "on disaster management in the region.",
                   "A second paragraph starts here, indented like the first one was."});
}

TEST_CASE("English: footnotes at the foot of a page are removed, a paragraph runs on", "[text][paragraphs]") {
  const std::string text =
      "          The Assembly recalled its resolution 60/265 on the follow-up to the\n"
      "development outcome of the 2005 World Summit,1 and its resolution 61/1 on the\n"
      "          __________________\n"
      "          1 See resolution 60/1.\n"
      "          2 A/61/82.\n\n"
      "13-44467 (E)                                                     3/12\n"
      "\fA/68/155\n"
      "Programme of Action for the Least Developed Countries for the decade.\n"
      "__________\n"
      "A rule line that no page break follows removes nothing else.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"The Assembly recalled its resolution 60/265 on the follow-up to the development outcome of the 2005 "
                   "World Summit, and its resolution 61/1 on the Programme of Action for the Least Developed "
                   "Countries for the decade.",
                   "A rule line that no page break follows removes nothing else."});
}

TEST_CASE("English: headings and bracketed editorial lines stand alone", "[text][paragraphs]") {
  const std::string text =
      "II. Replies received from Governments\n\n"
      "          Mongolia\n"
      "                                              [Original: English]\n"
      "                                                   [30 July 2013]\n\n"
      "          Mongolia regards confidence-building measures as a practical means of\n"
      "reducing tension.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"# II. Replies received from Governments", "# Mongolia", "# [Original: English]",
                   "# [30 July 2013]",
                   "Mongolia regards confidence-building measures as a practical means of reducing tension."});
}

TEST_CASE("English: footnote digits glued to the text are removed where clear", "[text][paragraphs]") {
  const std::string text =
      "1. Takes note of the report of the Secretary-General;6\n"
      "2. Welcomes the Decade 2001-2010,2 including the Strategy for the Decade 2001-20107 as an initiative;\n"
      "3. Reaffirms its commitment to the Declaration8 adopted by Heads of State, and to resolution 60/265, "
      "and takes note of document A/61/82 and Add.2 and of paragraph 12 of the Brussels Declaration1 as amended.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"1. Takes note of the report of the Secretary-General;",
                   "2. Welcomes the Decade 2001-2010, including the Strategy for the Decade 2001-2010 as an initiative;",
                   "3. Reaffirms its commitment to the Declaration adopted by Heads of State, and to resolution 60/265, "
                   "and takes note of document A/61/82 and Add.2 and of paragraph 12 of the Brussels Declaration as "
                   "amended."});
}

TEST_CASE("footnote digits: each rule still finds its digits, full-width ones too", "[text][paragraphs]") {
  // After a word's full stop, and a full-width digit (ICU's \d) after ;.
  CHECK(paragraphs("It thanks the countries.6 The Council, noting the report;\uFF16 and 2010, welcomes it.\n",
                   untm::Language::en) ==
        Paragraphs{"It thanks the countries. The Council, noting the report; and 2010, welcomes it."});
  // After punctuation in the middle of a line, before Chinese text.
  CHECK(paragraphs("大会注意到报告；6决定继续审议。\n", untm::Language::zh) == Paragraphs{"大会注意到报告；决定继续审议。"});
}

TEST_CASE("Chinese: lines join with nothing, Latin words and numbers keep their spaces", "[text][paragraphs]") {
  const std::string text =
      " 大会第 67/61 号决议呼吁会员国按照《联合国宪章》的宗旨和原则，根据欧安组织\n\n"
      "2011 年《维也纳文件》和 United\n\n"
      "Nations 的决议，不使用武力，并在其第 822(1993)、\n\n"
      "http://undocs.org/ch/A/RES/67/61\n"
      " 853(1993)号决议中谴责占领。  \n";
  CHECK(paragraphs(text, untm::Language::zh) ==
        Paragraphs{"大会第 67/61 号决议呼吁会员国按照《联合国宪章》的宗旨和原则，根据欧安组织 2011 年《维也纳文件》和 "
                   "United Nations 的决议，不使用武力，并在其第 822(1993)、853(1993)号决议中谴责占领。"});
}

TEST_CASE("Chinese: footnote digits after punctuation are removed, numbers kept", "[text][paragraphs]") {
  const std::string text =
      "1. 注意到秘书长的报告；6\n"
      "2. 欢迎直到《2001-2010 十年期行动纲领》2\n"
      "执行情况全球综合中期审查之时所作的贡献，包括《科托努战略》，7\n"
      "这是一项倡议；\n"
      "3. 重申对第 60/265 号决议的承诺，即 2010\n"
      "年的目标；\n";
  CHECK(paragraphs(text, untm::Language::zh) ==
        Paragraphs{"1. 注意到秘书长的报告；",
                   "2. 欢迎直到《2001-2010 十年期行动纲领》执行情况全球综合中期审查之时所作的贡献，包括《科托努战略》，这是一项倡议；",
                   "3. 重申对第 60/265 号决议的承诺，即 2010 年的目标；"});
}

TEST_CASE("the GA resolution: 19 numbered paragraphs on each side", "[text][paragraphs][.shared]") {
  for (const auto& [file, language] :
       {std::pair{"zh.txt", untm::Language::zh}, std::pair{"en.txt", untm::Language::en}}) {
    const std::string path = std::string("corpora/un/ga-ldc-resolution-paras/") + file;
    const auto result = paragraphs(untm::test::read_shared(path), language);
    REQUIRE(result.size() == 19);
    for (std::size_t index = 0; index < result.size(); ++index) {
      INFO(file << " paragraph " << index + 1 << ": " << result[index]);
      CHECK(result[index].starts_with(std::to_string(index + 1) + ". "));
      // No footnote digit left after punctuation.
      for (const std::string mark : {"；", "》", "，", ";", ","}) {
        for (char digit = '1'; digit <= '9'; ++digit) CHECK(result[index].find(mark + digit + " ") == std::string::npos);
      }
    }
    if (language == untm::Language::zh) {
      CHECK(result[0] == "1. 注意到秘书长的报告；");
      CHECK(result[2].find("《宣言》的承诺") != std::string::npos);
      CHECK(result[12].find("《布鲁塞尔宣言》和《行动纲领》") != std::string::npos);
    } else {
      CHECK(result[1].find("2001-2010 as an initiative") != std::string::npos);
      CHECK(result[2].find("Declaration adopted") != std::string::npos);
    }
  }
}

TEST_CASE("empty and blank input gives no paragraphs and the empty warning", "[text][paragraphs]") {
  for (const std::string input : {"", "\n\n  \n", "\xEF\xBB\xBF"}) {
    untm::pipeline::TextWarnings warnings;
    const auto document = untm::pipeline::read_document(input, untm::Language::zh, "empty.txt", {}, &warnings);
    CHECK(document.paragraphs.empty());
    CHECK(warnings.empty);
  }
}

TEST_CASE("a tab, a vertical tab or two spaces collapse to one space wherever they stand in a line",
          "[text][paragraphs]") {
  // The test for white space to collapse looks at sixteen bytes at a time:
  // every offset, across the boundaries too.
  for (const std::string gap : {"  ", "\t", "\v", " \t", "   "}) {
    for (std::size_t at = 1; at < 40; ++at) {
      std::string line(at, 'a');
      line += gap + std::string(40 - at, 'b') + '.';
      INFO("gap of " << gap.size() << " at " << at);
      CHECK(paragraphs(line + "\n", untm::Language::en) ==
            Paragraphs{std::string(at, 'a') + " " + std::string(40 - at, 'b') + "."});
    }
  }
}
