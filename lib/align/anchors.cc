#include "align/anchors.h"

#include "core/characters.h"
#include "core/hash.h"
#include "core/utf8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace untm {
namespace {

std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for_each_code_point(text, [&out](char32_t code_point) { out.push_back(code_point); });
  return out;
}

// FNV-1a, with a kind tag so that the number 1 and the enumerator (1) differ.
std::uint64_t hash_token(char kind, std::u32string_view token) {
  Fnv1a64 hash;
  hash.add(static_cast<unsigned char>(kind));
  for (char32_t c : token) hash.add(c);
  return hash.value();
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
bool is_digit(char32_t c) { return is_ascii_digit(c) || is_fullwidth_digit(c); }
char32_t ascii_digit(char32_t c) { return is_fullwidth_digit(c) ? U'0' + (c - 0xFF10) : c; }
bool is_latin_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}
char32_t ascii_letter(char32_t c) {
  if (c >= 0xFF21 && c <= 0xFF3A) return U'A' + (c - 0xFF21);
  if (c >= 0xFF41 && c <= 0xFF5A) return U'a' + (c - 0xFF41);
  return c;
}
bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }

bool is_opening_quote(char32_t c) {
  return c == U'“' || c == U'"' || c == U'「' || c == U'『' || c == U'‘' || c == U'«' || c == U'\'';
}
bool is_closing_quote(char32_t c) {
  return c == U'”' || c == U'"' || c == U'」' || c == U'』' || c == U'’' || c == U'»' || c == U'\'';
}
bool is_final_punctuation(char32_t c) {
  return c == U'。' || c == U'.' || c == U'！' || c == U'!' || c == U'？' || c == U'?' ||
         c == U'…' || c == U'；' || c == U';';
}

// Value of a Chinese numeral digit or unit character, or -1.
int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
long long chinese_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
    case U'亿': return 100000000;
    default: return 0;
  }
}

// The decimal digits of a run of Chinese numeral characters: 二〇一二 (digit
// by digit, as years are written) = 2012; 三十五 = 35; 一百零五 = 105;
// 三千万 = 30000000.
std::u32string chinese_numeral_value(std::u32string_view run) {
  const bool has_unit = std::any_of(run.begin(), run.end(), [](char32_t c) { return chinese_unit(c) > 0; });
  std::u32string digits;
  if (!has_unit) {
    for (char32_t c : run) digits.push_back(static_cast<char32_t>(U'0' + chinese_digit(c)));
    return digits;
  }
  long long total = 0, section = 0, number = 0;
  for (char32_t c : run) {
    const int digit = chinese_digit(c);
    const long long unit = chinese_unit(c);
    if (digit >= 0) {
      number = digit;
    } else if (unit >= 10000) {
      total = (total + section + number) * unit;
      section = number = 0;
    } else {
      section += (number == 0 ? 1 : number) * unit;
      number = 0;
    }
  }
  const std::string text = std::to_string(total + section + number);
  return std::u32string(text.begin(), text.end());
}

// Length of a URL starting at `position` (http://, https://, www.), up to
// white space or a non-ASCII character, without trailing punctuation; 0 when
// none starts there.
std::size_t url_length(std::u32string_view text, std::size_t position) {
  const std::u32string_view rest = text.substr(position);
  if (!rest.starts_with(U"http://") && !rest.starts_with(U"https://") && !rest.starts_with(U"www.")) return 0;
  std::size_t end = 0;
  while (end < rest.size() && rest[end] > U' ' && rest[end] < 0x7F) ++end;
  while (end > 0 && (rest[end - 1] == U'.' || rest[end - 1] == U',' || rest[end - 1] == U')' ||
                     rest[end - 1] == U';' || rest[end - 1] == U':')) {
    --end;
  }
  return end;
}

constexpr std::array<std::u32string_view, 12> kMonthNames = {
    U"January", U"February", U"March",     U"April",   U"May",      U"June",
    U"July",    U"August",   U"September", U"October", U"November", U"December"};

// Quotes at the ends, a final ? or !, and (Chinese) clause marks, ignoring
// spaces (some corpora space out punctuation).
void read_boundaries(std::u32string_view text, bool chinese, SentenceFeatures& features) {
  std::u32string visible;
  for (char32_t c : text) {
    if (!is_white_space(c)) visible.push_back(c);
  }
  if (visible.empty()) return;
  features.opens_with_quote = is_opening_quote(visible.front());
  std::size_t last = visible.size() - 1;
  // A closing quote before or after the final stop both count: 。” and ”。
  if (is_final_punctuation(visible[last]) && last > 0 && is_closing_quote(visible[last - 1])) {
    features.closes_with_quote = true;
  }
  while (last > 0 && is_closing_quote(visible[last])) {
    features.closes_with_quote = true;
    --last;
  }
  features.ends_with_question = visible[last] == U'?' || visible[last] == U'？';
  features.ends_with_exclamation = visible[last] == U'!' || visible[last] == U'！';
  if (chinese) {
    for (std::size_t k = 0; k + 1 < visible.size(); ++k) {
      const char32_t c = visible[k];
      if (c == U'，' || c == U'；' || c == U'：') ++features.clause_marks;
    }
  }
}

// Each token reader below looks at text[position]: when a token of its kind
// starts there, it records it and returns where the token ends; otherwise it
// returns `position`.

// Enumerator: (a), (iv), (12), also with full-width brackets; not an acronym
// in brackets such as (APEC), which is a Latin word.
std::size_t read_enumerator(std::u32string_view text, std::size_t position, SentenceFeatures& features) {
  if (text[position] != U'(' && text[position] != U'（') return position;
  auto is_label = [](char32_t k) { return (k >= U'a' && k <= U'z') || is_digit(k); };
  std::size_t end = position + 1;
  while (end < text.size() && end - position <= 4 && is_label(text[end])) ++end;
  if (end == position + 1 || end >= text.size() || (text[end] != U')' && text[end] != U'）')) return position;
  std::u32string label;
  for (std::size_t k = position + 1; k < end; ++k) label.push_back(ascii_letter(ascii_digit(text[k])));
  features.shared_tokens.push_back(hash_token('(', label));
  return end + 1;
}

// 1,000 and 3.5 are one number; 18th and 1990s are their digits.
std::size_t read_number(std::u32string_view text, std::size_t position, SentenceFeatures& features) {
  if (!is_digit(text[position])) return position;
  std::u32string digits;
  std::size_t end = position;
  while (end < text.size()) {
    if (is_digit(text[end])) {
      digits.push_back(ascii_digit(text[end]));
      ++end;
    } else if ((text[end] == U',' || text[end] == U'.') && end + 1 < text.size() && is_digit(text[end + 1])) {
      if (text[end] == U'.') digits.push_back(U'.');
      ++end;
    } else {
      break;
    }
  }
  features.shared_tokens.push_back(hash_token('#', digits));
  while (end < text.size() && is_latin_letter(text[end])) ++end;
  return end;
}

bool is_chinese_numeral(char32_t c) { return chinese_digit(c) >= 0 || chinese_unit(c) > 0; }

std::size_t read_chinese_numeral(std::u32string_view text, std::size_t position, SentenceFeatures& features) {
  std::size_t end = position;
  while (end < text.size() && is_chinese_numeral(text[end])) ++end;
  // A lone numeral character is too often part of a word (一些, 统一).
  if (end - position >= 2) {
    features.shared_tokens.push_back(hash_token('#', chinese_numeral_value(text.substr(position, end - position))));
  }
  return end;
}

std::size_t read_url(std::u32string_view text, std::size_t position, SentenceFeatures& features) {
  const std::size_t url_end = url_length(text, position);
  if (url_end > 0) features.shared_tokens.push_back(hash_token('~', text.substr(position, url_end)));
  return position + url_end;
}

// A Latin word (names, acronyms, symbols); an English month name is the
// number a Chinese date writes.
std::size_t read_latin_word(std::u32string_view text, std::size_t position, bool chinese, SentenceFeatures& features) {
  if (!is_latin_letter(text[position])) return position;
  std::u32string word;
  std::size_t end = position;
  while (end < text.size() && (is_latin_letter(text[end]) || is_digit(text[end]))) {
    word.push_back(ascii_letter(ascii_digit(text[end])));
    ++end;
  }
  const auto month = std::find(kMonthNames.begin(), kMonthNames.end(), word);
  if (!chinese && month != kMonthNames.end()) {
    const std::string number = std::to_string(month - kMonthNames.begin() + 1);
    features.shared_tokens.push_back(hash_token('#', std::u32string(number.begin(), number.end())));
  } else if (chinese ? word.size() >= 2 : std::any_of(word.begin(), word.end(), is_upper)) {
    features.latin_words.push_back(hash_token('@', word));
  }
  return end;
}

// The first token that starts at `position` (tried in this order), or
// position + 1 when none does.
std::size_t read_token(std::u32string_view text, std::size_t position, bool chinese, SentenceFeatures& features) {
  if (const std::size_t end = read_enumerator(text, position, features); end != position) return end;
  if (const std::size_t end = read_number(text, position, features); end != position) return end;
  if (chinese && is_chinese_numeral(text[position])) return read_chinese_numeral(text, position, features);
  if (const std::size_t end = read_url(text, position, features); end != position) return end;
  if (const std::size_t end = read_latin_word(text, position, chinese, features); end != position) return end;
  return position + 1;
}

}  // namespace

SentenceFeatures extract_features(std::string_view sentence, Language language) {
  SentenceFeatures features;
  const std::u32string text = decode(sentence);
  const bool chinese = language == Language::zh;
  read_boundaries(text, chinese, features);
  for (std::size_t position = 0; position < text.size();) position = read_token(text, position, chinese, features);
  std::sort(features.shared_tokens.begin(), features.shared_tokens.end());
  std::sort(features.latin_words.begin(), features.latin_words.end());
  return features;
}

namespace {

// Gathers the sorted tokens of several units into `out` (sorted).
template <typename Member>
void gather(std::span<const SentenceFeatures> units, Member member, std::vector<std::uint64_t>& out) {
  out.clear();
  for (const SentenceFeatures& unit : units) out.insert(out.end(), (unit.*member).begin(), (unit.*member).end());
  if (units.size() > 1) std::sort(out.begin(), out.end());
}

// Size of the multiset intersection of two sorted lists.
std::size_t count_common(const std::vector<std::uint64_t>& first, const std::vector<std::uint64_t>& second) {
  std::size_t common = 0;
  auto a = first.begin();
  auto b = second.begin();
  while (a != first.end() && b != second.end()) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      ++common;
      ++a;
      ++b;
    }
  }
  return common;
}

double boundary_cost(bool in_first, bool in_second, Boundary boundary, const AnchorWeights& weights) {
  if (const auto& learnt = weights.boundary_costs[static_cast<std::size_t>(boundary)]) {
    return (*learnt)[in_first][in_second];
  }
  if (in_first && in_second) return -weights.boundary_match;
  if (in_first != in_second) return weights.boundary_mismatch;
  return 0;
}

}  // namespace

double anchor_cost_without_anchors(const AnchorWeights& weights) {
  double cost = 0;
  for (const auto& learnt : weights.boundary_costs) {
    if (learnt) cost += (*learnt)[0][0];
  }
  return cost;
}

namespace {

// How many tokens (`member`) each side has and how many they share (multiset
// intersection). Avoids copying in the common cases: a side without tokens,
// or one sentence a side.
template <typename Member>
TokenOverlap token_overlap(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                           Member member, AnchorScratch& scratch) {
  TokenOverlap overlap;
  for (const SentenceFeatures& unit : first) overlap.first_total += (unit.*member).size();
  for (const SentenceFeatures& unit : second) overlap.second_total += (unit.*member).size();
  if (overlap.first_total == 0 || overlap.second_total == 0) return overlap;
  if (first.size() == 1 && second.size() == 1) {
    overlap.common = count_common(first.front().*member, second.front().*member);
    return overlap;
  }
  gather(first, member, scratch.first_tokens);
  gather(second, member, scratch.second_tokens);
  overlap.common = count_common(scratch.first_tokens, scratch.second_tokens);
  return overlap;
}

}  // namespace

double anchor_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                   const AnchorWeights& weights, AnchorScratch& scratch) {
  const auto has_anchors = [](const SentenceFeatures& unit) { return unit.has_anchors(); };
  if (!first.empty() && !second.empty() && std::none_of(first.begin(), first.end(), has_anchors) &&
      std::none_of(second.begin(), second.end(), has_anchors)) {
    return anchor_cost_without_anchors(weights);
  }
  return anchored_link_cost(first, second, weights, boundary_table(weights), scratch);
}

BoundaryTable boundary_table(const AnchorWeights& weights) {
  BoundaryTable table{};
  for (std::size_t k = 0; k < kBoundaryCount; ++k) {
    for (int x = 0; x < 2; ++x) {
      for (int y = 0; y < 2; ++y) table[k][x][y] = boundary_cost(x == 1, y == 1, static_cast<Boundary>(k), weights);
    }
  }
  return table;
}

std::uint8_t boundary_bits(const SentenceFeatures& front, const SentenceFeatures& back) {
  unsigned bits = 0;
  for (std::size_t k = 0; k < kBoundaryCount; ++k) {
    const auto boundary = static_cast<Boundary>(k);
    if (has_boundary(boundary == Boundary::opening_quote ? front : back, boundary)) bits |= 1u << k;
  }
  return static_cast<std::uint8_t>(bits);
}

double anchored_link_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                          const AnchorWeights& weights, const BoundaryTable& boundaries, AnchorScratch& scratch) {
  const TokenOverlap shared = token_overlap(first, second, &SentenceFeatures::shared_tokens, scratch);
  if (first.empty() || second.empty()) return anchored_link_cost(shared, {}, false, 0, 0, weights, boundaries);
  const TokenOverlap latin = token_overlap(first, second, &SentenceFeatures::latin_words, scratch);
  return anchored_link_cost(shared, latin, true, boundary_bits(first.front(), first.back()),
                            boundary_bits(second.front(), second.back()), weights, boundaries);
}

bool has_boundary(const SentenceFeatures& features, Boundary boundary) {
  switch (boundary) {
    case Boundary::opening_quote: return features.opens_with_quote;
    case Boundary::closing_quote: return features.closes_with_quote;
    case Boundary::question: return features.ends_with_question;
    case Boundary::exclamation: return features.ends_with_exclamation;
  }
  return false;
}

BoundaryCosts estimate_boundary_costs(std::span<const std::pair<const SentenceFeatures*, const SentenceFeatures*>> starts,
                                      std::span<const std::pair<const SentenceFeatures*, const SentenceFeatures*>> ends,
                                      Boundary boundary, double limit) {
  const auto& pairs = boundary == Boundary::opening_quote ? starts : ends;
  double joint[2][2] = {{1, 1}, {1, 1}};  // add-one smoothing
  for (const auto& [first, second] : pairs) joint[has_boundary(*first, boundary)][has_boundary(*second, boundary)] += 1;
  const double total = joint[0][0] + joint[0][1] + joint[1][0] + joint[1][1];
  BoundaryCosts costs{};
  for (int x = 0; x < 2; ++x) {
    for (int y = 0; y < 2; ++y) {
      const double first_marginal = (joint[x][0] + joint[x][1]) / total;
      const double second_marginal = (joint[0][y] + joint[1][y]) / total;
      const double cost = -std::log(joint[x][y] / total / (first_marginal * second_marginal));
      costs[x][y] = std::clamp(cost, -limit, limit);
    }
  }
  return costs;
}

double clause_cost(std::span<const SentenceFeatures> chinese, std::size_t other_count,
                   const AnchorWeights& weights) {
  std::size_t clause_marks = 0;
  for (const SentenceFeatures& sentence : chinese) clause_marks += sentence.clause_marks;
  return clause_cost(chinese.size(), clause_marks, other_count, weights);
}

SentenceFeatures merge_features(std::span<const SentenceFeatures> sentences) {
  SentenceFeatures merged;
  if (sentences.empty()) return merged;
  gather(sentences, &SentenceFeatures::shared_tokens, merged.shared_tokens);
  gather(sentences, &SentenceFeatures::latin_words, merged.latin_words);
  merged.opens_with_quote = sentences.front().opens_with_quote;
  merged.closes_with_quote = sentences.back().closes_with_quote;
  merged.ends_with_question = sentences.back().ends_with_question;
  merged.ends_with_exclamation = sentences.back().ends_with_exclamation;
  for (const SentenceFeatures& sentence : sentences) merged.clause_marks += sentence.clause_marks;
  return merged;
}

namespace {

// Every distinct token hash of `units` of both sides, sorted: a token's id is
// its position here.
std::vector<std::uint64_t> token_hashes(std::span<const SentenceFeatures> first,
                                        std::span<const SentenceFeatures> second) {
  std::vector<std::uint64_t> hashes;
  for (const auto units : {first, second}) {
    for (const SentenceFeatures& unit : units) {
      hashes.insert(hashes.end(), unit.shared_tokens.begin(), unit.shared_tokens.end());
      hashes.insert(hashes.end(), unit.latin_words.begin(), unit.latin_words.end());
    }
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

void add_ids(const std::vector<std::uint64_t>& tokens, const std::vector<std::uint64_t>& hashes,
             std::vector<std::uint32_t>& ids) {
  for (const std::uint64_t token : tokens) {
    ids.push_back(static_cast<std::uint32_t>(std::lower_bound(hashes.begin(), hashes.end(), token) - hashes.begin()));
  }
}

}  // namespace

LinkAnchors::LinkAnchors(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                         const AnchorWeights& weights)
    : weights_(weights), boundaries_(boundary_table(weights)), no_anchor_cost_(anchor_cost_without_anchors(weights)) {
  const std::vector<std::uint64_t> hashes = token_hashes(first, second);
  first_ = make_side(first, hashes);
  second_ = make_side(second, hashes);
  counts_.assign(hashes.size(), 0);
  for (unsigned marks = 0; marks < marks_only_.size(); ++marks) {
    const auto first_marks = static_cast<std::uint8_t>(marks >> kBoundaryCount);
    const auto second_marks = static_cast<std::uint8_t>(marks & ((1u << kBoundaryCount) - 1));
    marks_only_[marks] = anchored_link_cost({}, {}, true, first_marks, second_marks, weights, boundaries_);
  }
}

LinkAnchors::Side LinkAnchors::make_side(std::span<const SentenceFeatures> units,
                                         const std::vector<std::uint64_t>& hashes) {
  Side side;
  for (const SentenceFeatures& unit : units) {
    add_ids(unit.shared_tokens, hashes, side.shared.ids);
    side.shared.start.push_back(static_cast<std::uint32_t>(side.shared.ids.size()));
    add_ids(unit.latin_words, hashes, side.latin.ids);
    side.latin.start.push_back(static_cast<std::uint32_t>(side.latin.ids.size()));
    side.boundaries.push_back(boundary_bits(unit, unit));
    side.anchored.push_back(side.anchored.back() + (unit.has_anchors() ? 1 : 0));
    side.clause_marks.push_back(side.clause_marks.back() + unit.clause_marks);
  }
  return side;
}

// The multiset intersection by counting instead of sorting: tokens of several
// units are not sorted as a whole.
std::size_t LinkAnchors::count_common(const std::uint32_t* first, std::size_t first_size, const std::uint32_t* second,
                                      std::size_t second_size) {
  for (std::size_t k = 0; k < first_size; ++k) ++counts_[first[k]];
  std::size_t common = 0;
  for (std::size_t k = 0; k < second_size; ++k) {
    std::uint32_t& count = counts_[second[k]];
    if (count != 0) {
      --count;
      ++common;
    }
  }
  for (std::size_t k = 0; k < first_size; ++k) counts_[first[k]] = 0;
  return common;
}

}  // namespace untm
