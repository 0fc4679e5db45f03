#include "split/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "core/utf8.h"
#include "split/segmentation_rules.h"

namespace untm {

namespace {

void check(UErrorCode status, std::string_view what) {
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("ICU: {}: {}", what, u_errorName(status)));
}

// One rule, compiled twice: to test a candidate position (look-behind for the
// text before it, then the text after it) and, for break rules, to find the
// positions ICU did not propose.
struct CompiledRule {
  bool is_break = false;
  bool break_at_match_start = false;
  std::unique_ptr<icu::RegexMatcher> at_position;
  std::unique_ptr<icu::RegexMatcher> search;
  // SegmentationRule::search, which stands in for `search` when set.
  void (*hand_search)(std::u16string_view, std::vector<std::size_t>&) = nullptr;
  // SegmentationRule::at_position, which stands in for `at_position` when set.
  bool (*hand_at_position)(std::u16string_view, std::size_t) = nullptr;
  std::vector<std::string> needs_any;  // SegmentationRule::needs_any, split
  // An earlier rule with the same needs_any (the date rules share the month
  // names): its answer is this rule's, so the paragraph is searched once.
  std::optional<std::size_t> same_needs_as;
  bool active = true;                  // the paragraph being split may match it
};

std::vector<std::string> split_needs(std::string_view needs_any) {
  std::vector<std::string> literals;
  while (!needs_any.empty()) {
    const std::size_t bar = std::min(needs_any.find('|'), needs_any.size());
    literals.emplace_back(needs_any.substr(0, bar));
    needs_any.remove_prefix(std::min(bar + 1, needs_any.size()));
  }
  return literals;
}

// Whether `paragraph` holds one of the literals a rule needs (none needed:
// every paragraph may match).
bool may_match(const CompiledRule& rule, std::string_view paragraph) {
  return rule.needs_any.empty() || std::any_of(rule.needs_any.begin(), rule.needs_any.end(), [&](const std::string& literal) {
           return paragraph.find(literal) != std::string_view::npos;
         });
}

std::unique_ptr<icu::RegexMatcher> compile(const std::string& pattern, std::string_view reason) {
  UErrorCode status = U_ZERO_ERROR;
  auto matcher = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern), 0, status);
  check(status, fmt::format("segmentation rule '{}': {}", reason, pattern));
  return matcher;
}

}  // namespace

struct SentenceSplitter::State {
  std::unique_ptr<icu::BreakIterator> icu_iterator;
  // The paragraph being split, kept here because ICU's iterator and matchers
  // refer to it.
  icu::UnicodeString utf16;
  std::vector<CompiledRule> rules;
};

SentenceSplitter::SentenceSplitter(Language language, SplitMethod method) : state_(std::make_unique<State>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = language == Language::zh ? icu::Locale::getChinese() : icu::Locale::getEnglish();
  state_->icu_iterator.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  check(status, "createSentenceInstance");
  if (method == SplitMethod::icu_only) return;
  for (const auto& rule : segmentation_rules(language)) {
    CompiledRule compiled;
    compiled.is_break = rule.is_break;
    compiled.needs_any = split_needs(rule.needs_any);
    const auto rules = segmentation_rules(language);
    for (std::size_t earlier = 0; earlier < state_->rules.size(); ++earlier) {
      if (!rule.needs_any.empty() && rules[earlier].needs_any == rule.needs_any) {
        compiled.same_needs_as = earlier;
        break;
      }
    }
    compiled.hand_at_position = rule.at_position;
    if (rule.at_position == nullptr) {
      compiled.at_position =
          compile(fmt::format("(?=(?:{1}))(?<=(?:{0}))", rule.before, rule.after), rule.reason);
      compiled.at_position->useTransparentBounds(true);
      compiled.at_position->useAnchoringBounds(false);
    }
    if (rule.is_break && rule.search != nullptr) {
      compiled.hand_search = rule.search;
    } else if (rule.is_break) {
      // An empty `before` means "a break before every match of `after`":
      // searching for `after` itself lets ICU skip ahead by its first
      // characters instead of trying every position.
      compiled.break_at_match_start = rule.before.empty();
      compiled.search = compile(rule.before.empty() ? fmt::format("(?:{})", rule.after)
                                                    : fmt::format("(?:{})(?=(?:{}))", rule.before, rule.after),
                                rule.reason);
    }
    state_->rules.push_back(std::move(compiled));
  }
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

namespace {

// ICU counts in int32_t: a longer paragraph would wrap to a negative length
// and read as empty. read_document's input limit keeps paragraphs far below.
void check_paragraph_size(std::string_view paragraph) {
  if (paragraph.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw std::length_error("sentence splitter: a paragraph over 2 GiB");
  }
}

// `utf8` into `utf16` as icu::UnicodeString::fromUTF8 converts it (U+FFFD
// for an invalid sequence), in the buffer `utf16` already has when it is
// large enough: UTF-16 never has more units than UTF-8 has bytes.
void to_utf16(std::string_view utf8, icu::UnicodeString& utf16) {
  const auto length = static_cast<std::int32_t>(utf8.size());
  char16_t* buffer = utf16.getBuffer(std::max<std::int32_t>(length, 1));
  if (buffer == nullptr) throw std::bad_alloc();
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t utf16_length = 0;
  u_strFromUTF8WithSub(buffer, utf16.getCapacity(), &utf16_length, utf8.data(), length, 0xFFFD, nullptr, &status);
  utf16.releaseBuffer(U_SUCCESS(status) ? utf16_length : 0);
  check(status, "UTF-8 to UTF-16");
}

// Byte offsets in valid UTF-8 text of increasing UTF-16 indexes, found by
// walking forward (each lead byte starts a code point; four-byte ones are two
// UTF-16 units), so that no table of offsets as long as the text is kept.
class ByteOffsets {
 public:
  explicit ByteOffsets(std::string_view text) : text_(text) {}

  // Requires `utf16_index` not below the one asked before. Both units of a
  // surrogate pair map to the start of its code point.
  std::size_t at(std::size_t utf16_index) {
    while (utf16_ < utf16_index && byte_ < text_.size()) {
      const auto lead = static_cast<unsigned char>(text_[byte_]);
      const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      if (length == 4 && utf16_ + 2 > utf16_index) break;
      utf16_ += length == 4 ? 2 : 1;
      byte_ += length;
    }
    return byte_;
  }

 private:
  std::string_view text_;
  std::size_t utf16_ = 0;
  std::size_t byte_ = 0;
};

// Candidate positions (UTF-16 indexes): ICU's boundaries, then the
// positions the break rules find, sorted.
std::vector<std::pair<std::size_t, bool>> candidate_positions(std::vector<CompiledRule>& rules,
                                                              const icu::UnicodeString& text,
                                                              const std::vector<std::size_t>& proposed_by_icu) {
  UErrorCode status = U_ZERO_ERROR;
  const auto length = static_cast<std::size_t>(text.length());
  std::vector<std::pair<std::size_t, bool>> candidates;  // position, proposed by ICU
  for (auto position : proposed_by_icu) candidates.emplace_back(position, true);
  std::vector<std::size_t> found;
  for (auto& rule : rules) {
    if (!rule.active) continue;
    if (rule.hand_search != nullptr) {
      found.clear();
      rule.hand_search(std::u16string_view(text.getBuffer(), length), found);
      for (auto position : found) {
        if (position > 0 && position < length) candidates.emplace_back(position, false);
      }
      continue;
    }
    if (!rule.search) continue;
    rule.search->reset(text);
    while (rule.search->find(status)) {
      const auto position = static_cast<std::size_t>(rule.break_at_match_start ? rule.search->start(status)
                                                                                : rule.search->end(status));
      if (position > 0 && position < length) candidates.emplace_back(position, false);
    }
    check(status, "segmentation rule search");
  }
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

// The sentence boundaries (UTF-16 indexes) among ICU's and the rules'
// candidates: at each, the first rule that matches decides, else ICU.
std::vector<std::size_t> apply_rules(std::vector<CompiledRule>& rules, std::string_view paragraph,
                                     const icu::UnicodeString& text, const std::vector<std::size_t>& proposed_by_icu) {
  for (auto& rule : rules) {
    rule.active = rule.same_needs_as ? rules[*rule.same_needs_as].active : may_match(rule, paragraph);
  }
  const auto candidates = candidate_positions(rules, text, proposed_by_icu);
  for (auto& rule : rules) {
    if (rule.active && rule.at_position) rule.at_position->reset(text);
  }
  const std::u16string_view units(text.getBuffer(), static_cast<std::size_t>(text.length()));
  UErrorCode status = U_ZERO_ERROR;
  const auto length = static_cast<std::int64_t>(text.length());
  std::vector<std::size_t> boundaries;
  std::size_t previous = 0;
  for (const auto& [position, from_icu] : candidates) {
    if (position == previous) continue;
    bool is_break = from_icu;
    for (auto& rule : rules) {
      if (!rule.active) continue;
      if (rule.hand_at_position != nullptr) {
        if (rule.hand_at_position(units, position)) {
          is_break = rule.is_break;
          break;
        }
        continue;
      }
      auto& matcher = *rule.at_position;
      matcher.region(static_cast<std::int64_t>(position), length, status);
      if (matcher.lookingAt(status)) {
        is_break = rule.is_break;
        break;
      }
    }
    check(status, "segmentation rule");
    if (is_break && (boundaries.empty() || boundaries.back() != position)) boundaries.push_back(position);
    previous = position;
  }
  return boundaries;
}

}  // namespace

std::vector<Range> SentenceSplitter::split(std::string_view paragraph) {
  std::vector<Range> sentences;
  if (paragraph.empty()) return sentences;
  check_paragraph_size(paragraph);
  // ICU's iterator and regular expressions are fastest on UTF-16 (their
  // UTF-8 paths go through UText one character at a time), so the paragraph
  // is converted once; boundaries are mapped back to bytes at the end.
  // Converted into the string kept from the paragraph before, whose buffer
  // is reused when large enough: one allocation less per paragraph.
  const auto& text = state_->utf16;
  to_utf16(paragraph, state_->utf16);
  const auto length = static_cast<std::size_t>(text.length());

  auto& iterator = *state_->icu_iterator;
  iterator.setText(text);

  // Candidate positions (UTF-16 indexes): ICU's boundaries, then what the
  // break rules add.
  std::vector<std::size_t> proposed_by_icu;
  for (std::int32_t position = iterator.next(); position != icu::BreakIterator::DONE; position = iterator.next()) {
    if (static_cast<std::size_t>(position) < length) proposed_by_icu.push_back(static_cast<std::size_t>(position));
  }
  std::vector<std::size_t> boundaries = state_->rules.empty()
                                            ? std::move(proposed_by_icu)
                                            : apply_rules(state_->rules, paragraph, text, proposed_by_icu);

  ByteOffsets offsets(paragraph);
  std::size_t begin = 0;
  boundaries.push_back(length);
  for (auto end : boundaries) {
    const std::size_t end_byte = offsets.at(end);
    const Range trimmed = trim_spaces(paragraph, {begin, end_byte});
    if (trimmed.end > trimmed.begin) sentences.push_back(trimmed);
    begin = end_byte;
  }
  if (begin != paragraph.size()) throw std::logic_error("sentence splitter: text is not valid UTF-8");
  return sentences;
}

}  // namespace untm
