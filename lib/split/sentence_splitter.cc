#include "split/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "core/utf8.h"
#include "split/segmentation_rules.h"
#include "text/utf16.h"

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
  // SegmentationRule::needs_any as bits of NeededLiterals; 0: none needed.
  std::uint64_t needs_any = 0;
  bool active = true;  // the paragraph being split may match it
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

// The literals of the rules' needs_any, each a bit, and which of them a
// paragraph holds. Literals that start with a non-ASCII character are
// marked while the paragraph is converted to UTF-16 (each non-ASCII unit
// looked up in a small table); a search of the UTF-8 per literal walked a
// Chinese paragraph once per literal, whose first byte starts most other
// characters too. ASCII literals are searched in the UTF-8 (memchr).
class NeededLiterals {
 public:
  // The bits of `needs_any` ('|' between literals; empty: none).
  std::uint64_t bits_of(std::string_view needs_any) {
    std::uint64_t bits = 0;
    for (const auto& literal : split_needs(needs_any)) {
      const auto known = std::find_if(literals_.begin(), literals_.end(),
                                      [&](const Literal& other) { return other.utf8 == literal; });
      const auto index = static_cast<std::size_t>(known - literals_.begin());
      if (known == literals_.end()) add(literal);
      bits |= std::uint64_t{1} << index;
    }
    return bits;
  }

  void start_paragraph() { marked_ = 0; }
  // Called with each non-ASCII unit of the paragraph.
  void see(char16_t unit) {
    const Slot& slot = slots_[slot_of(unit)];
    marked_ |= slot.unit == unit ? slot.bits : 0;
  }

  std::uint64_t found_in(std::string_view utf8, std::u16string_view utf16) const {
    std::uint64_t found = 0;
    for (std::size_t index = 0; index < literals_.size(); ++index) {
      const Literal& literal = literals_[index];
      const std::uint64_t bit = std::uint64_t{1} << index;
      const bool present = literal.utf16.front() < 0x80
                               ? utf8.find(literal.utf8) != std::string_view::npos
                               : (marked_ & bit) != 0 && (literal.utf16.size() == 1 ||
                                                          utf16.find(literal.utf16) != std::u16string_view::npos);
      if (present) found |= bit;
    }
    return found;
  }

 private:
  struct Literal {
    std::string utf8;
    std::u16string utf16;
  };
  struct Slot {
    char16_t unit = 0;       // 0: empty (no non-ASCII unit is 0)
    std::uint64_t bits = 0;  // the literals that start with `unit`
  };

  void add(const std::string& literal) {
    const auto utf16 = icu::UnicodeString::fromUTF8(literal);
    Literal added{literal, std::u16string(utf16.getBuffer(), static_cast<std::size_t>(utf16.length()))};
    if (literals_.size() == 64 || added.utf16.empty()) throw std::logic_error("segmentation rules: bad needs_any");
    literals_.push_back(std::move(added));
    // A multiplier under which the first units of the non-ASCII literals
    // take different slots (tried in turn: the rules hold a few dozen).
    for (multiplier_ = 0x9E3779B1u;; multiplier_ += 2) {
      slots_ = {};
      bool collision = false;
      for (std::size_t index = 0; index < literals_.size() && !collision; ++index) {
        const char16_t first = literals_[index].utf16.front();
        if (first < 0x80) continue;
        Slot& slot = slots_[slot_of(first)];
        collision = slot.unit != 0 && slot.unit != first;
        slot.unit = first;
        slot.bits |= std::uint64_t{1} << index;
      }
      if (!collision) break;
    }
  }

  std::size_t slot_of(char16_t unit) const { return static_cast<std::uint32_t>(unit * multiplier_) >> 24; }

  std::vector<Literal> literals_;
  std::uint32_t multiplier_ = 0x9E3779B1u;
  std::array<Slot, 256> slots_{};
  std::uint64_t marked_ = 0;
};

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
  NeededLiterals needed_literals;
  SplitMethod method = SplitMethod::icu_with_rules;
};

SentenceSplitter::SentenceSplitter(Language language, SplitMethod method) : state_(std::make_unique<State>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = language == Language::zh ? icu::Locale::getChinese() : icu::Locale::getEnglish();
  state_->icu_iterator.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  check(status, "createSentenceInstance");
  state_->method = method;
  if (method == SplitMethod::icu_only) return;
  for (const auto& rule : segmentation_rules(language)) {
    CompiledRule compiled;
    compiled.is_break = rule.is_break;
    compiled.needs_any = state_->needed_literals.bits_of(rule.needs_any);
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

// `utf8` into `utf16` with ICU's own converter, in the buffer `utf16`
// already has when it is large enough: SplitMethod::icu_only is the
// benchmarks' "ICU alone", kept to ICU's code (assign_utf8 gives the same
// text, faster).
void icu_to_utf16(std::string_view utf8, icu::UnicodeString& utf16) {
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
std::vector<std::size_t> apply_rules(std::vector<CompiledRule>& rules, const NeededLiterals& needed_literals,
                                     std::string_view paragraph, const icu::UnicodeString& text,
                                     const std::vector<std::size_t>& proposed_by_icu) {
  const std::uint64_t found = needed_literals.found_in(
      paragraph, std::u16string_view(text.getBuffer(), static_cast<std::size_t>(text.length())));
  for (auto& rule : rules) rule.active = rule.needs_any == 0 || (rule.needs_any & found) != 0;
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
  if (state_->method == SplitMethod::icu_only) {
    icu_to_utf16(paragraph, state_->utf16);
  } else {
    auto& literals = state_->needed_literals;
    literals.start_paragraph();
    assign_utf8(state_->utf16, paragraph, [&literals](char16_t unit) { literals.see(unit); });
  }
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
                                            : apply_rules(state_->rules, state_->needed_literals, paragraph, text, proposed_by_icu);

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
