#include "review_page.h"

#include <cstdint>
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

// Inside <script>, "</" could close the element early; "<\/" is the same
// JSON string.
std::string script_safe(std::string json) {
  for (std::size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at + 3)) {
    json.insert(at + 1, 1, '\\');
  }
  return json;
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
  page.replace(slot, kDataSlot.size(), script_safe(std::move(data)));
  return page;
}

}  // namespace untm::cli
