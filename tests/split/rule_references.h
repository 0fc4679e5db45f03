// The regular expressions of segmentation rules built as the splitter builds
// them, as references for the hand-written searches and position tests
// (split/break_search.h, split/chinese_break_search.h), and random texts to
// compare them on.
#pragma once

#include <catch2/catch.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <initializer_list>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "split/segmentation_rules.h"

namespace untm::test {

// Calls `each` with 20,000 texts of 1 to `most` pieces drawn at random (a
// fixed seed: a failure comes back on the next run).
template <typename Each>
void for_random_texts(std::span<const std::u16string> pieces, int most, Each&& each) {
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, most);
  for (int sample = 0; sample < 20000; ++sample) {
    std::u16string text;
    for (int n = count(random); n > 0; --n) text += pieces[piece(random)];
    each(icu::UnicodeString(text.data(), static_cast<std::int32_t>(text.size())));
  }
}

inline std::unique_ptr<icu::RegexMatcher> compile_reference(const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  auto regex = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern), 0, status);
  REQUIRE(U_SUCCESS(status));
  return regex;
}

// A break rule's search: `before` followed by `after` (or `after` alone when
// `before` is empty, the break then at the match's start).
inline std::unique_ptr<icu::RegexMatcher> search_regex(const SegmentationRule& rule) {
  return compile_reference(rule.before.empty()
                               ? "(?:" + std::string(rule.after) + ")"
                               : "(?:" + std::string(rule.before) + ")(?=(?:" + std::string(rule.after) + "))");
}

// A rule's test at a position: it matches at a position whose text before
// and after the rule describes.
inline std::unique_ptr<icu::RegexMatcher> position_regex(const SegmentationRule& rule) {
  auto regex = compile_reference("(?=(?:" + std::string(rule.after) + "))(?<=(?:" + std::string(rule.before) + "))");
  regex->useTransparentBounds(true);
  regex->useAnchoringBounds(false);
  return regex;
}

inline std::vector<std::size_t> regex_positions(icu::RegexMatcher& regex, const icu::UnicodeString& text, bool at_start) {
  std::vector<std::size_t> positions;
  UErrorCode status = U_ZERO_ERROR;
  regex.reset(text);
  while (regex.find(status)) positions.push_back(static_cast<std::size_t>(at_start ? regex.start(status) : regex.end(status)));
  REQUIRE(U_SUCCESS(status));
  return positions;
}

// A rule's hand-written search beside the regular expression it stands for.
struct SearchReference {
  void (*search)(std::u16string_view, std::vector<std::size_t>&);
  std::unique_ptr<icu::RegexMatcher> regex;
};

// The rules of `languages` that carry a hand-written search, with the
// regular expression search built as the splitter builds it.
inline std::vector<SearchReference> search_references(std::initializer_list<Language> languages) {
  std::vector<SearchReference> result;
  for (const auto language : languages) {
    for (const auto& rule : segmentation_rules(language)) {
      if (rule.search != nullptr) result.push_back({rule.search, search_regex(rule)});
    }
  }
  return result;
}

// Requires each search to find in `text` what its regex finds; returns how
// many breaks they found.
inline std::size_t check_same_searches(std::vector<SearchReference>& rules, const icu::UnicodeString& text) {
  std::size_t found_total = 0;
  for (auto& rule : rules) {
    std::vector<std::size_t> found;
    rule.search(std::u16string_view(text.getBuffer(), static_cast<std::size_t>(text.length())), found);
    std::string utf8;
    text.toUTF8String(utf8);
    INFO("text: " << utf8);
    REQUIRE(found == regex_positions(*rule.regex, text, false));
    found_total += found.size();
  }
  return found_total;
}

struct PositionReference {
  bool (*at_position)(std::u16string_view, std::size_t);
  std::unique_ptr<icu::RegexMatcher> regex;
  std::string reason;
};

// The rules of both languages whose position test `select` accepts.
template <typename Select>
std::vector<PositionReference> position_references(Select&& select) {
  std::vector<PositionReference> result;
  for (const auto language : {Language::zh, Language::en}) {
    for (const auto& rule : segmentation_rules(language)) {
      if (rule.at_position == nullptr || !select(rule)) continue;
      result.push_back({rule.at_position, position_regex(rule), std::string(rule.reason)});
    }
  }
  return result;
}

// Asks each rule's position test and its regular expression at every
// position of `text` (mid surrogate pair too); `matched` counts the positions
// where they match, so that a test can tell it exercised the rules.
inline void check_same_at_positions(std::vector<PositionReference>& rules, const icu::UnicodeString& text,
                                    std::size_t& matched) {
  const std::u16string_view units(text.getBuffer(), static_cast<std::size_t>(text.length()));
  for (auto& rule : rules) {
    UErrorCode status = U_ZERO_ERROR;
    rule.regex->reset(text);
    for (std::int32_t position = 0; position <= text.length(); ++position) {
      rule.regex->region(position, text.length(), status);
      const bool expected = rule.regex->lookingAt(status);
      REQUIRE(U_SUCCESS(status));
      if (expected != rule.at_position(units, static_cast<std::size_t>(position))) {
        std::string utf8;
        text.toUTF8String(utf8);
        FAIL(rule.reason << " at " << position << " of: " << utf8 << " (regex says " << expected << ")");
      }
      matched += expected;
    }
  }
}

inline icu::UnicodeString utf16_of(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

}  // namespace untm::test
