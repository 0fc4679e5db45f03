#include "split/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "split/segmentation_rules.h"

namespace untm {

namespace {

void check(UErrorCode status, std::string_view what) {
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("ICU: {}: {}", what, u_errorName(status)));
}

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPointer = std::unique_ptr<UText, UTextCloser>;

UTextPointer open_utf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* opened = utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status);
  check(status, "utext_openUTF8");
  return UTextPointer(opened);
}

// One rule, compiled twice: to test a candidate position (look-behind for the
// text before it, then the text after it) and, for break rules, to find the
// positions ICU did not propose.
struct CompiledRule {
  bool is_break = false;
  std::unique_ptr<icu::RegexMatcher> at_position;
  std::unique_ptr<icu::RegexMatcher> search;
};

std::unique_ptr<icu::RegexMatcher> compile(const std::string& pattern, std::string_view reason) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  auto matcher = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern), 0, status);
  (void)parse_error;
  check(status, fmt::format("segmentation rule '{}': {}", reason, pattern));
  return matcher;
}

}  // namespace

struct SentenceSplitter::State {
  std::unique_ptr<icu::BreakIterator> icu_iterator;
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
    compiled.at_position =
        compile(fmt::format("(?<=(?:{}))(?:{})", rule.before, rule.after), rule.reason);
    compiled.at_position->useTransparentBounds(true);
    compiled.at_position->useAnchoringBounds(false);
    if (rule.is_break) compiled.search = compile(fmt::format("(?:{})(?=(?:{}))", rule.before, rule.after), rule.reason);
    state_->rules.push_back(std::move(compiled));
  }
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<ByteRange> SentenceSplitter::split(std::string_view paragraph) {
  std::vector<ByteRange> sentences;
  if (paragraph.empty()) return sentences;
  UTextPointer text = open_utf8(paragraph);
  UErrorCode status = U_ZERO_ERROR;
  auto& iterator = *state_->icu_iterator;
  iterator.setText(text.get(), status);
  check(status, "BreakIterator::setText");

  // Candidate positions: ICU's boundaries, then what the break rules add.
  std::vector<std::size_t> proposed_by_icu;
  for (std::int32_t position = iterator.next(); position != icu::BreakIterator::DONE; position = iterator.next()) {
    if (static_cast<std::size_t>(position) < paragraph.size()) proposed_by_icu.push_back(static_cast<std::size_t>(position));
  }
  std::vector<std::size_t> boundaries;
  if (state_->rules.empty()) {
    boundaries = std::move(proposed_by_icu);
  } else {
    std::vector<std::pair<std::size_t, bool>> candidates;  // position, proposed by ICU
    for (auto position : proposed_by_icu) candidates.emplace_back(position, true);
    for (auto& rule : state_->rules) {
      if (!rule.search) continue;
      rule.search->reset(text.get());
      while (rule.search->find(status)) {
        const auto end = static_cast<std::size_t>(rule.search->end64(status));
        if (end > 0 && end < paragraph.size()) candidates.emplace_back(end, false);
      }
      check(status, "segmentation rule search");
    }
    std::sort(candidates.begin(), candidates.end());
    for (auto& rule : state_->rules) rule.at_position->reset(text.get());
    std::size_t previous = 0;
    for (const auto& [position, from_icu] : candidates) {
      if (position == previous) continue;
      bool is_break = from_icu;
      for (auto& rule : state_->rules) {
        auto& matcher = *rule.at_position;
        matcher.region(static_cast<std::int64_t>(position), static_cast<std::int64_t>(paragraph.size()), status);
        if (matcher.lookingAt(status)) {
          is_break = rule.is_break;
          break;
        }
      }
      check(status, "segmentation rule");
      if (is_break && (boundaries.empty() || boundaries.back() != position)) boundaries.push_back(position);
      previous = position;
    }
  }

  std::size_t begin = 0;
  boundaries.push_back(paragraph.size());
  for (auto end : boundaries) {
    const ByteRange trimmed = trim_spaces(paragraph, {begin, end});
    if (trimmed.end > trimmed.begin) sentences.push_back(trimmed);
    begin = end;
  }
  return sentences;
}

bool is_space_at(std::string_view text, std::size_t offset, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(text[offset]);
  length = 1;
  if (byte == ' ' || (byte >= '\t' && byte <= '\r')) return true;
  if (byte < 0x80) return false;
  std::int32_t next = static_cast<std::int32_t>(offset);
  UChar32 code_point = 0;
  U8_NEXT(text.data(), next, static_cast<std::int32_t>(text.size()), code_point);
  length = static_cast<std::size_t>(next) - offset;
  return code_point == 0xA0 || code_point == 0x3000 || code_point == 0x2028 || code_point == 0x2029 ||
         (code_point >= 0x2000 && code_point <= 0x200B) || code_point == 0x202F || code_point == 0xFEFF;
}

ByteRange trim_spaces(std::string_view text, ByteRange range) {
  std::size_t length = 0;
  while (range.begin < range.end && is_space_at(text, range.begin, length)) range.begin += length;
  // Backwards: step to the start of the last character, test it, repeat.
  while (range.end > range.begin) {
    std::size_t start = range.end - 1;
    while (start > range.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (!is_space_at(text, start, length) || start + length != range.end) break;
    range.end = start;
  }
  return range;
}

}  // namespace untm
