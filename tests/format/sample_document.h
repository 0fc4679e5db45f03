#pragma once
// Hand-made aligned documents for the format and bundle tests.

#include <string>

#include "core/types.h"

namespace untm::testing {

inline Segment segment(std::string text, std::size_t begin, std::uint32_t first, std::uint32_t count) {
  Segment result;
  result.source = {begin, begin + text.size()};
  result.text = std::move(text);
  result.first_sentence = first;
  result.sentence_count = count;
  return result;
}

// A reply in the shape of A/68/155: a 1-1, a 1-2 with markup characters, a
// null link (1-0) and a low-confidence 2-1.
inline AlignedDocument sample_document(std::string id = "A/68/155") {
  AlignedDocument document;
  document.id = std::move(id);
  document.first_language = "zh";
  document.second_language = "en";
  AlignedPair heading;
  heading.first = segment("阿塞拜疆", 0, 0, 1);
  heading.second = segment("Azerbaijan", 0, 0, 1);
  heading.cost = 0.25;
  heading.confidence = 0.97;
  AlignedPair markup;
  markup.first = segment("根据第67/61号决议，“建立信任措施”<和>报告&附件。", 20, 1, 1);
  markup.second = segment("Pursuant to resolution 67/61, \"confidence-building\" <measures>.", 12, 1, 1);
  markup.second.sentence_count = 2;
  markup.second.text += " R&D & co.";
  markup.cost = 1.5;
  markup.confidence = 0.8;
  AlignedPair unmatched;
  unmatched.first = segment("[原件：英文]", 90, 2, 1);
  unmatched.cost = 3.0;
  unmatched.confidence = 0.55;
  AlignedPair weak;
  weak.first = segment("第一句。第二句。", 120, 3, 2);
  weak.second = segment("Both sentences in one.", 80, 3, 1);
  weak.cost = 7.125;
  weak.confidence = 0.1;
  document.pairs = {heading, markup, unmatched, weak};
  return document;
}

}  // namespace untm::testing
