#include "review_page.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>
#include <stdexcept>

#include "core/json.h"

namespace untm::cli {
namespace {

constexpr std::string_view kDataSlot = "/*UNTM_DATA*/null";

// One side as the page needs it: the sentences in order and the index of
// the first sentence of each paragraph, so rows can show paragraph breaks.
void write_side(JsonWriter& json, const SplitDocument& document, const std::string& language,
                const std::string& name) {
  json.begin_object().key("name").string(name).key("lang").string(language);
  json.key("sentences").begin_array();
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) json.string(sentence.text);
  json.end_array().key("paragraphs").begin_array();
  std::uint64_t sentence = 0;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.sentences.empty()) continue;
    json.number(sentence);
    sentence += paragraph.sentences.size();
  }
  json.end_array().end_object();
}

// The JSON goes inside <script>, where "</" could close the element early
// and "<!--" switches the HTML parser into its escaped state (where a later
// "<script" in the text would swallow the rest of the page). U+2028 and
// U+2029 end a line in JavaScript engines before ES2019, so a string holding
// one would break there. All of them occur only inside JSON strings, where
// "<\/", "\u003c!--", "\u2028" and "\u2029" mean the same text.
std::string script_safe(const std::string& json) {
  constexpr std::pair<std::string_view, std::string_view> kReplacements[] = {
      {"</", "<\\/"}, {"<!--", "\\u003c!--"}, {"\u2028", "\\u2028"}, {"\u2029", "\\u2029"}};
  std::string out;
  out.reserve(json.size());
  for (std::size_t at = 0; at < json.size();) {
    const auto match = std::find_if(std::begin(kReplacements), std::end(kReplacements),
                                    [&](const auto& pair) { return json.compare(at, pair.first.size(), pair.first) == 0; });
    if (match == std::end(kReplacements)) {
      out += json[at++];
      continue;
    }
    out += match->second;
    at += match->first.size();
  }
  return out;
}

}  // namespace

std::string review_page(const AlignedDocument& document, const pipeline::SplitPair& split,
                        const std::string& first_name, const std::string& second_name) {
  std::string data;
  JsonWriter json(data);
  json.begin_object().key("id").string(document.id).key("first");
  write_side(json, split.first, document.first_language, first_name);
  json.key("second");
  write_side(json, split.second, document.second_language, second_name);
  // [first begin, first end, second begin, second end, confidence, manual]
  json.key("links").begin_array();
  for (const AlignedPair& pair : document.pairs) {
    const Link& link = pair.link;
    json.begin_array().number(std::uint64_t{link.first.begin}).number(std::uint64_t{link.first.end});
    json.number(std::uint64_t{link.second.begin}).number(std::uint64_t{link.second.end});
    json.number(link.confidence, 3).number(std::uint64_t{pair.origin == LinkOrigin::manual}).end_array();
  }
  json.end_array().end_object();

  std::string page(review_page_template());
  const std::size_t slot = page.find(kDataSlot);
  if (slot == std::string::npos) throw std::logic_error("the review page template has no data slot");
  page.replace(slot, kDataSlot.size(), script_safe(data));
  return page;
}

}  // namespace untm::cli
