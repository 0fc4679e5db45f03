#include "split/segmentation_rules.h"

namespace untm {

namespace {

// Chinese.
constexpr SegmentationRule kChineseRules[] = {
    {false, R"(^\s{0,4}(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})\.\s{0,4})", R"(.)",
     "a paragraph number (1. 注意到...) is not a sentence"},
};

// English.
constexpr SegmentationRule kEnglishRules[] = {
    {false, R"(^\s{0,4}(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})\.\s{0,4})", R"(.)",
     "a paragraph number (1. Takes note...) is not a sentence"},
};

}  // namespace

std::span<const SegmentationRule> segmentation_rules(Language language) {
  switch (language) {
    case Language::zh: return kChineseRules;
    case Language::en: return kEnglishRules;
  }
  return {};
}

}  // namespace untm
