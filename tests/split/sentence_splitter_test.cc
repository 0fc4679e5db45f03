#include "split/sentence_splitter.h"
#include "split/segmentation_rules.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using untm::Language;
using untm::SentenceSplitter;
using untm::SplitMethod;

namespace {

std::vector<std::string> split(std::string_view text, Language language,
                               SplitMethod method = SplitMethod::icu_with_rules) {
  SentenceSplitter splitter(language, method);
  std::vector<std::string> sentences;
  for (const auto& range : splitter.split(text)) sentences.emplace_back(text.substr(range.begin, range.end - range.begin));
  return sentences;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("English abbreviations common in UN texts do not end sentences", "[split][en]") {
  for (const std::string abbreviation :
       {"No. 5", "para. 12", "paras. 3-7", "Art. 5", "Arts. 3 and 4", "Mr. Ban", "Mrs. Jones", "Ms. Li", "Dr. Sha",
        "e.g. Kenya", "i.e. Member States", "U.N. General Assembly", "Add. 2", "Corr. 1", "Rev. 3", "Vol. II",
        "p. 12", "pp. 12-14", "cf. Annex", "approx. 300"}) {
    const std::string text = "See " + abbreviation + " here. Next one.";
    CHECK(split(text, Language::en) == Sentences{"See " + abbreviation + " here.", "Next one."});
  }
  CHECK(split("They bought paper, pens, etc. The meeting then closed.", Language::en) ==
        Sentences{"They bought paper, pens, etc.", "The meeting then closed."});
}

TEST_CASE("English document symbols, decimals and enumerations stay whole", "[split][en]") {
  CHECK(split("See A/RES/67/61 and S/2013/123. Also E/CN.4/2005/L.10 applies. It grew 3.5 per cent.", Language::en) ==
        Sentences{"See A/RES/67/61 and S/2013/123.", "Also E/CN.4/2005/L.10 applies.", "It grew 3.5 per cent."});
  CHECK(split("1. Takes note of the report. 2. Decides to continue.", Language::en)[0] ==
        "1. Takes note of the report.");
  CHECK(split("(a) To consider the report. (b) To report back.", Language::en) ==
        Sentences{"(a) To consider the report.", "(b) To report back."});
}

TEST_CASE("English quoted speech goes on after ! and ?", "[split][en]") {
  CHECK(split("'Why fight a dummy!' he cried. 'Why not try me?' The boy laughed.", Language::en) ==
        Sentences{"'Why fight a dummy!' he cried.", "'Why not try me?'", "The boy laughed."});
  // ICU alone breaks after the exclamation mark.
  CHECK(split("'Why fight a dummy!' he cried.", Language::en, SplitMethod::icu_only).size() == 2);
}

TEST_CASE("English datelines between a title and the text", "[split][en]") {
  CHECK(split("Our Goal November 15, 2012 Friends from the media came.", Language::en) ==
        Sentences{"Our Goal", "November 15, 2012", "Friends from the media came."});
  CHECK(split("It met on November 15, 2012 The Committee agreed.", Language::en).front() ==
        "It met on November 15, 2012 The Committee agreed.");
}

TEST_CASE("Chinese ends at 。！？ and half-width ! ?, with closing quotes", "[split][zh]") {
  CHECK(split("他来了。她走了！真的吗？是的!好?对。", Language::zh) ==
        Sentences{"他来了。", "她走了！", "真的吗？", "是的!", "好?", "对。"});
  CHECK(split("他说：“我们走吧。”大家都同意。", Language::zh) == Sentences{"他说：“我们走吧。”", "大家都同意。"});
  // Spaces before the closing quote (as some extractions have them).
  CHECK(split("“物必先腐，而后虫生 。 ”近年来情况如此。", Language::zh) ==
        Sentences{"“物必先腐，而后虫生 。 ”", "近年来情况如此。"});
}

TEST_CASE("Chinese opening quotes start the next sentence", "[split][zh]") {
  CHECK(split("疼痛深刻有力。“老天爷，保佑我吧！”奶奶说。", Language::zh) ==
        Sentences{"疼痛深刻有力。", "“老天爷，保佑我吧！”", "奶奶说。"});
  CHECK(split("疼痛深刻有力。“老天爷”", Language::zh, SplitMethod::icu_only) ==
        Sentences{"疼痛深刻有力。“", "老天爷”"});
}

TEST_CASE("Chinese titles in 《》 are never broken", "[split][zh]") {
  CHECK(split("他读了《你好吗？我很好。》这本书。然后睡了。", Language::zh) ==
        Sentences{"他读了《你好吗？我很好。》这本书。", "然后睡了。"});
}

TEST_CASE("Chinese paragraph numbers and ellipses", "[split][zh]") {
  CHECK(split("1. 注意到秘书长的报告。2. 欢迎各方的贡献。", Language::zh) ==
        Sentences{"1. 注意到秘书长的报告。", "2. 欢迎各方的贡献。"});
  CHECK(split("没好运……轿夫们的话更加粗野了。", Language::zh) == Sentences{"没好运……", "轿夫们的话更加粗野了。"});
}

TEST_CASE("sentences are trimmed and white space alone is no sentence", "[split]") {
  CHECK(split("  One.   Two.  ", Language::en) == Sentences{"One.", "Two."});
  CHECK(split(" \u3000 ", Language::zh).empty());
  CHECK(split("", Language::en).empty());
}

// A paragraph without any of a rule's needed literals skips the rule, so each
// literal must be one the rule's patterns spell out (a typo would switch the
// rule off everywhere).
TEST_CASE("segmentation rules: the literals a rule needs are in its patterns", "[split]") {
  for (const Language language : {Language::zh, Language::en}) {
    for (const auto& rule : untm::segmentation_rules(language)) {
      std::string_view needs = rule.needs_any;
      while (!needs.empty()) {
        const std::string_view literal = needs.substr(0, needs.find('|'));
        needs.remove_prefix(std::min(literal.size() + 1, needs.size()));
        INFO(rule.reason << ": " << literal);
        CHECK((rule.before.find(literal) != std::string_view::npos || rule.after.find(literal) != std::string_view::npos));
      }
    }
  }
}

TEST_CASE("sentences after characters past U+FFFF (two UTF-16 units) keep their bytes", "[split]") {
  CHECK(split("He smiled \U0001F600. Then \U00020000 left. Done.", Language::en) ==
        Sentences{"He smiled \U0001F600.", "Then \U00020000 left.", "Done."});
  CHECK(split("他笑了\U0001F600。𠀀走了。", Language::zh) == Sentences{"他笑了\U0001F600。", "𠀀走了。"});
}
