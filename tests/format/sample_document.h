#pragma once
// Hand-made aligned documents for the format and bundle tests.

#include <string>

#include "core/types.h"

namespace untm::testing {

inline Segment segment(std::string text, std::size_t begin) {
  Segment result;
  result.source = {begin, begin + text.size()};
  result.text = std::move(text);
  return result;
}

inline Link link(SentenceRange first, SentenceRange second, double cost, double confidence) {
  return Link{first, second, cost, confidence};
}

// A reply in the shape of A/68/155: a 1-1, a 1-2 with markup characters, a
// null link (1-0) and a low-confidence 2-1.
inline AlignedDocument sample_document(std::string id = "A/68/155") {
  AlignedDocument document;
  document.id = std::move(id);
  document.first_language = "zh";
  document.second_language = "en";
  AlignedPair heading;
  heading.link = link({0, 1}, {0, 1}, 0.25, 0.97);
  heading.first = segment("阿塞拜疆", 0);
  heading.second = segment("Azerbaijan", 0);
  AlignedPair markup;
  markup.link = link({1, 2}, {1, 3}, 1.5, 0.8);
  markup.first = segment("根据第67/61号决议，“建立信任措施”<和>报告&附件。", 20);
  markup.second = segment("Pursuant to resolution 67/61, \"confidence-building\" <measures>.", 12);
  markup.second.text += " R&D & co.";
  AlignedPair unmatched;
  unmatched.link = link({2, 3}, {}, 3.0, 0.55);
  unmatched.first = segment("[原件：英文]", 90);
  AlignedPair weak;
  weak.link = link({3, 5}, {3, 4}, 7.125, 0.1);
  weak.first = segment("第一句。第二句。", 120);
  weak.second = segment("Both sentences in one.", 80);
  document.pairs = {heading, markup, unmatched, weak};
  return document;
}

}  // namespace untm::testing
