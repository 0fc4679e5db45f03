// Paragraphs from the layouts PDF-to-text tools leave (lib/text/layout.h),
// seen through read_document, on short texts written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace {

// Each paragraph's sentences joined with a space; headings marked "# ".
std::vector<std::string> paragraphs(const std::string& text, untm::Language language) {
  std::vector<std::string> result;
  for (const auto& paragraph : untm::pipeline::read_document(text, language, "test").paragraphs) {
    std::string joined = paragraph.heading ? "#" : "";
    for (const auto& sentence : paragraph.sentences) {
      if (!joined.empty()) joined += ' ';
      joined += sentence.text;
    }
    result.push_back(joined);
  }
  return result;
}

using Paragraphs = std::vector<std::string>;

}  // namespace

TEST_CASE("Layout: plain pdftotext (no indentation, no blank lines): preambular clauses and articles apart",
          "[text][layout]") {
  const std::string text =
      "Declaration on Things\n"
      "The General Assembly,\n"
      "Recalling the purposes and principles of the Charter of the United Nations, in\n"
      "particular the promotion of social progress and better standards of life,\n"
      "Reaffirming the Universal Declaration of Human Rights and the International\n"
      "Covenant on Economic, Social and Cultural Rights and its Optional Protocols,\n"
      "Deeply concerned that rising sea levels and coastal erosion threaten the homes\n"
      "of millions of people,\n"
      "Proclaims the following:\n"
      "Article 1\n"
      "Everyone is entitled to all the rights and freedoms set forth in this\n"
      "Declaration, without distinction of any kind.\n"
      "Article 2\n"
      "No one shall be removed from his or her home.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"# Declaration on Things", "The General Assembly,",
                   "Recalling the purposes and principles of the Charter of the United Nations, in particular the "
                   "promotion of social progress and better standards of life,",
                   "Reaffirming the Universal Declaration of Human Rights and the International Covenant on Economic, "
                   "Social and Cultural Rights and its Optional Protocols,",
                   "Deeply concerned that rising sea levels and coastal erosion threaten the homes of millions of "
                   "people,",
                   "Proclaims the following:", "# Article 1",
                   "Everyone is entitled to all the rights and freedoms set forth in this Declaration, without "
                   "distinction of any kind.",
                   "# Article 2", "No one shall be removed from his or her home."});
}

TEST_CASE("Layout: the seed's style (two trailing spaces end a paragraph), Chinese", "[text][layout]") {
  const std::string text =
      " 大会，  \n\n"
      " 回顾《联合国宪章》的宗旨和原则，特别是在更大的自由中促进社会进步和\n\n"
      "改善生活水平，  \n\n"
      " 重申《世界人权宣言》和《经济、社会、文化权利国际公约》及其各项任择议\n\n"
      "定书，  \n\n"
      " 第一条 \n\n"
      " 人人有权享有本宣言所载的一切权利和自由，不分种族、肤色、性别、语言、\n\n"
      "宗教或其他任何区别。  \n\n";
  CHECK(paragraphs(text, untm::Language::zh) ==
        Paragraphs{"大会，", "回顾《联合国宪章》的宗旨和原则，特别是在更大的自由中促进社会进步和改善生活水平，",
                   "重申《世界人权宣言》和《经济、社会、文化权利国际公约》及其各项任择议定书，", "# 第一条",
                   "人人有权享有本宣言所载的一切权利和自由，不分种族、肤色、性别、语言、宗教或其他任何区别。"});
}

TEST_CASE("Layout: pdftotext -layout: a title wrapped onto a centred line stays one, an indented line after a "
          "comma starts a paragraph",
          "[text][layout]") {
  const std::string text =
      "    Strengthening cooperation on early warning for\n"
      "                   coastal hazards\n"
      "      The General Assembly,\n"
      "     Recalling its resolution 70/1 of 25 September 2015, entitled\n"
      "“Transforming our world: the 2030 Agenda for Sustainable Development”,\n"
      "     Taking note of the report of the Secretary-General on disaster risk\n"
      "reduction and of the recommendations contained therein, in particular\n"
      "those on early warning,\n"
      "     1. Calls upon all States to develop national early warning systems\n"
      "that reach every coastal community, including those in remote areas;\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"Strengthening cooperation on early warning for coastal hazards", "The General Assembly,",
                   "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 "
                   "Agenda for Sustainable Development”,",
                   "Taking note of the report of the Secretary-General on disaster risk reduction and of the "
                   "recommendations contained therein, in particular those on early warning,",
                   "1. Calls upon all States to develop national early warning systems that reach every coastal "
                   "community, including those in remote areas;"});
}

TEST_CASE("Layout: pdftotext -layout: a centred numbered heading right under a centred title stands apart",
          "[text][layout]") {
  const std::string text =
      "   Report of the Secretary-General on water supply in small\n"
      "              island developing States\n"
      "                          I. Introduction\n"
      "      1. The present report is submitted in accordance with General\n"
      "Assembly resolution 79/12. It covers the period from 2024 to 2026\n"
      "and describes the work of the United Nations system in that period.\n"
      "      2. Information was received from twenty Member States and\n"
      "from the regional commissions.\n";
  CHECK(paragraphs(text, untm::Language::en) ==
        Paragraphs{"Report of the Secretary-General on water supply in small island developing States",
                   "# I. Introduction",
                   "1. The present report is submitted in accordance with General Assembly resolution 79/12. It "
                   "covers the period from 2024 to 2026 and describes the work of the United Nations system in that "
                   "period.",
                   "2. Information was received from twenty Member States and from the regional commissions."});
}
