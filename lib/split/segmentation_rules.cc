#include "split/segmentation_rules.h"

#include "split/break_search.h"
#include "split/chinese_break_search.h"

namespace untm {

namespace {

// Chinese. ICU already ends sentences at 。！？ and their half-width forms and
// keeps closing quotes and brackets with them; these rules fix what it gets
// wrong in running Chinese text.
constexpr SegmentationRule kChineseRules[] = {
    {false, R"((?:^|[。！？!?])[\s　]{0,4}(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})\.[\s　]{0,4})", R"(.)",
     "a paragraph number (1. 注意到...) is not a sentence", ".", nullptr, chinese_paragraph_number_at},
    {false, R"(《[^《》]{0,60})", R"([^《》]{0,60}》)",
     "a title in 《》 is never broken, whatever punctuation it holds", "《", nullptr, inside_title_at},
    {false, R"([。！？!?]》)", R"(.)", "a title that ends with its own 。！？ does not end the sentence", "》", nullptr,
     after_title_ending_sentence_at},
    {false, R"([。！？!?][\s　]{1,3})", R"([”’」』）)》〉】])",
     "a closing quote or bracket after spaces still belongs to the sentence (生 。 ”)", "”|’|」|』|）|)|》|〉|】",
     nullptr, closer_after_spaces_at},
    {true, R"((?:[。！？!?]|……|——)[\s　]{0,3}[”’」』）)]{1,2})", R"([\s　]{0,3}[^\s　”’」』）)，,。、；：？！])",
     "the sentence ends after its closing quote (。” / ……” / ——”), also with spaces between", "”|’|」|』|）|)",
     find_after_closing_quote_breaks, after_closing_quote_at},
    {false, R"((?:[。！？!?]|……|——)[\s　]{0,3}[”’」』]{0,2}[\s　]{0,2}[“‘「『])", R"(.)",
     "an opening quote after a sentence end starts the next sentence, not ends this one", "“|‘|「|『", nullptr,
     after_opening_quote_at},
    {true, R"((?:[。！？!?]|……|——)[\s　]{0,3}[”’」』]{0,2}[\s　]{0,2})", R"([“‘「『])",
     "break before the opening quote that follows a sentence end", "“|‘|「|『", find_before_opening_quote_breaks,
     before_opening_quote_at},
    {true, R"(……)", R"([“‘「『\p{Han}])", "an ellipsis directly followed by new text ends the sentence", "……", find_after_ellipsis_breaks,
     after_ellipsis_at},
};


// English. ICU breaks after every full stop followed by a capital and after
// every ! and ?; these rules keep abbreviations, numbers and quoted speech
// together and add the breaks ICU misses.
#define UNTM_MONTH "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#define UNTM_GOVERNING_WORD "(?:In|On|Of|Since|Until|By|From|Before|After|To|During|Dated|And|The)"
#define UNTM_DATE UNTM_MONTH "\\s\\d{1,2},\\s\\d{4}"
#define UNTM_MONTHS_NEEDED "January|February|March|April|May|June|July|August|September|October|November|December"
constexpr SegmentationRule kEnglishRules[] = {
    {false, R"(^\s{0,4}(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})\.\s{0,4})", R"(.)",
     "a paragraph number (1. Takes note...) is not a sentence", {}, nullptr, english_paragraph_number_at},
    {false, R"(\b(?:Mr|Mrs|Ms|Messrs|Mmes|Dr|Prof|St|Sr|Jr|Gen|Col|Capt|Amb|H\.E)\.\s{0,3})", R"(.)",
     "a title before a name (Mr. Ban, Dr. Sha, St. Joseph)", {}, nullptr, title_before_name_at},
    {false, R"(\b(?:e\.g|i\.e|cf|viz|vs|approx|U\.N)\.\s{0,3})", R"(.)",
     "e.g., i.e., cf., approx., U.N. never end a sentence", {}, nullptr, latin_abbreviation_at},
    {false, R"(\b(?:No|Nos|no|nos|para|paras|Art|Arts|art|arts|Vol|vol|p|pp|Add|Corr|Rev|Suppl|chap|Chap|sect|Sect|fig|Fig|Annex|annex)\.\s{0,3})",
     R"([\dIVXLivxl(])", "an abbreviation before a number (No. 3, para. 12, Art. 5, pp. 3-7, Add.2)", {}, nullptr, number_abbreviation_at},
    {false, R"([!?][’”'"»)]{0,2}\s{1,3})", R"([a-z])",
     "quoted speech goes on after ! or ? ('Why!' he cried.)", "!|?"},
    {true, R"([.!?][’”'")]{0,2}\s{1,3})", R"(\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s)",
     "an enumerator such as (b) after a full stop starts a sentence", "(", find_enumerator_breaks},
    {true, R"([—–-][’”'"]\s{0,3})", R"([‘“'"])", "a broken-off quotation (though—') ends its sentence", "’|”|'|\""},
    // Datelines: a date standing between a title and the text (Our Goal
    // November 15, 2012 Friends from...). A date that a lower-case word, a
    // preposition or punctuation leads into is part of its sentence.
    {false, R"((?:\b[a-z][A-Za-z’']{0,25}|\b)" UNTM_GOVERNING_WORD R"(|[^A-Za-z’'\s])\s{1,2})",
     R"()" UNTM_DATE, "a date inside a sentence (on November 15, 2012)", UNTM_MONTHS_NEEDED},
    {false, R"((?:\b[a-z][A-Za-z’']{0,25}|\b)" UNTM_GOVERNING_WORD R"(|[^A-Za-z’'\s])\s{1,2})" UNTM_DATE R"(\s{0,2})",
     R"(.)", "the sentence goes on after a date inside it", UNTM_MONTHS_NEEDED, nullptr, date_inside_sentence_at},
    {true, "", UNTM_DATE R"(\s{1,2}[A-Z“"‘'])", "a dateline after a title", UNTM_MONTHS_NEEDED},
    {true, R"()" UNTM_DATE R"(\s{0,2})", R"([A-Z“"‘'])", "the text after a dateline starts a sentence",
     UNTM_MONTHS_NEEDED},
};
#undef UNTM_MONTH
#undef UNTM_GOVERNING_WORD
#undef UNTM_DATE
#undef UNTM_MONTHS_NEEDED

}  // namespace

std::span<const SegmentationRule> segmentation_rules(Language language) {
  switch (language) {
    case Language::zh: return kChineseRules;
    case Language::en: return kEnglishRules;
  }
  return {};
}

}  // namespace untm
