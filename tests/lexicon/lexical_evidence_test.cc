#include "lexicon/lexical_evidence.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "core/characters.h"
#include "core/length_diagonal.h"
#include "lexicon/english_words.h"

using namespace untm;
using namespace untm::lexicon;

namespace {
std::shared_ptr<const LexicalModel> small_model() {
  Lexicon lexicon;
  lexicon.add("国家", "country");
  lexicon.add("发展", "develop", 0.5);
  lexicon.add("和平", normalize_english_word("peace"));  // lexicons hold normal forms
  return std::make_shared<const LexicalModel>(lexicon);
}
const std::vector<std::string> kChinese = {"国家发展。", "和平。"};
const std::vector<std::string> kEnglish = {"The country develops.", "Peace."};
// In kChinese/kEnglish every word is in one sentence of two, so all weigh 1,
// and its chance q of being covered by one sentence of the other side is
// 1/2 (country, 国家, peace, 和平) or 0.5 * 1/2 = 1/4 (develop, 发展).

// `sentences` `copies` times over: the same weights and chances, more sentences.
std::vector<std::string> repeated(const std::vector<std::string>& sentences, int copies) {
  std::vector<std::string> all;
  for (int copy = 0; copy < copies; ++copy) all.insert(all.end(), sentences.begin(), sentences.end());
  return all;
}
}  // namespace

TEST_CASE("the lexical cost is the covered mass less what chance would cover", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 0.5, .first_is_chinese = true});
  const auto evidence = factory.make(kChinese, kEnglish);
  CHECK(evidence->name() == "lexical");
  // Covered: 国家 1 + 发展 0.5 + country 1 + develops 0.5 = 3.
  // Chance for one sentence: (1/2 + 1/4) per side = 1.5.
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-0.5 * (3.0 - 1.5)));
  // 和平 + peace: 2 covered, 1/2 + 1/2 by chance.
  CHECK(evidence->cost(1, 1, 1, 1) == Approx(-0.5 * (2.0 - 1.0)));
  // Nothing translates: the chance mass is a penalty (0.75 + 0.5).
  CHECK(evidence->cost(0, 1, 1, 1) == Approx(0.5 * 1.25));
  CHECK(evidence->cost(0, 1, 0, 0) == 0.0);  // null link
}

TEST_CASE("merging two translated pairs earns less than keeping them apart", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const auto evidence = factory.make(kChinese, kEnglish);
  // 2-2: covered 3 + 2; chance with groups of 2 is 1 - (1 - q)^2: 3/4 for
  // q = 1/2 and 7/16 for q = 1/4, so 2 * (3/4 + 7/16) + 2 * 3/4 = 3.875.
  CHECK(evidence->cost(0, 2, 0, 2) == Approx(-(5.0 - 3.875)));
  CHECK(evidence->cost(0, 1, 0, 1) + evidence->cost(1, 1, 1, 1) < evidence->cost(0, 2, 0, 2));
  // The crossing pairs are worse than both.
  CHECK(evidence->cost(0, 1, 1, 1) + evidence->cost(1, 1, 0, 1) > evidence->cost(0, 2, 0, 2));
}

TEST_CASE("English as the first side gives the same costs with the sides swapped", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = false});
  const auto evidence = factory.make(kEnglish, kChinese);
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-1.5));
  CHECK(evidence->cost(1, 1, 0, 1) == Approx(1.25));
}

TEST_CASE("a word found in every sentence says nothing; a rare one weighs more", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  // 国家/country in all three sentences: idf log 2, chance 1. 和平/peace in
  // one: idf log 4 = 2 log 2, chance 1/3. Scaled to mean 1 over the 4 words
  // of a side: weights 0.8 and 1.6.
  const std::vector<std::string> chinese = {"国家和平。", "国家。", "国家。"};
  const std::vector<std::string> english = {"Country, peace.", "Country.", "Country."};
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(1, 1, 1, 1) == Approx(0.0).margin(1e-6));
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-(2 * (0.8 + 1.6) - 2 * (0.8 + 1.6 / 3))));
}

TEST_CASE("links far from the length diagonal get no lexical cost", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true, .band_half_width = 2});
  std::vector<std::string> chinese(10, "国家。");
  std::vector<std::string> english(10, "Country.");
  chinese[9] = "和平。";
  english[0] = "Peace.";
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(9, 1, 0, 1) == 0.0);   // 9 sentences off the diagonal
  CHECK(evidence->cost(9, 1, 8, 1) != 0.0);   // near it: the chance penalty
}

TEST_CASE("costs do not depend on the order the aligner asks for them", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const std::vector<std::string> chinese = repeated(kChinese, 4);
  const std::vector<std::string> english = repeated(kEnglish, 4);
  struct Candidate {
    std::size_t first_begin, first_count, second_begin, second_count;
  };
  std::vector<Candidate> candidates;
  for (std::size_t first = 0; first < 8; ++first)
    for (std::size_t second = 0; second < 8; ++second)
      for (std::size_t count = 1; count <= 2; ++count)
        if (first + count <= 8 && second + 3 - count <= 8) candidates.push_back({first, count, second, 3 - count});
  const auto forward = factory.make(chinese, english);
  const auto backward = factory.make(chinese, english);
  std::vector<double> forward_costs;
  for (const auto& candidate : candidates)
    forward_costs.push_back(forward->cost(candidate.first_begin, candidate.first_count, candidate.second_begin, candidate.second_count));
  for (std::size_t index = candidates.size(); index-- > 0;) {
    const auto& candidate = candidates[index];
    CHECK(backward->cost(candidate.first_begin, candidate.first_count, candidate.second_begin, candidate.second_count) ==
          Approx(forward_costs[index]));
  }
  // Asked again (the aligner's next pass), the remembered cost is the same.
  CHECK(forward->cost(2, 1, 2, 2) == Approx(backward->cost(2, 1, 2, 2)));
}

TEST_CASE("groups of more than eight sentences (paragraph links) pay the chance of their own size", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const std::vector<std::string> chinese = repeated(kChinese, 6);
  const std::vector<std::string> english = repeated(kEnglish, 6);
  // Every word is in 6 of the 12 sentences of its side: weights 1, q as in
  // kChinese. Chinese sentence 0 (国家发展) against the first k English
  // sentences, k/2 of them "The country develops.": covered 1 + 0.5 on the
  // Chinese side (the best cover, not the sum) and 1.5 per such English
  // sentence; chance 1 - (1/2)^k + 1 - (3/4)^k for 国家 and 发展, 0.75 per
  // such English sentence and 0.5 per "Peace.".
  const auto expected = [](double k) {
    const double covered = 1.5 + 1.5 * k / 2;
    const double chance = (1 - std::pow(0.5, k)) + (1 - std::pow(0.75, k)) + (0.75 + 0.5) * k / 2;
    return -(covered - chance);
  };
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(0, 1, 0, 10) == Approx(expected(10)));
  CHECK(evidence->cost(0, 1, 0, 12) == Approx(expected(12)));
  // Asked again after another size (the aligner's next pass): its own chance still.
  CHECK(evidence->cost(0, 1, 0, 10) == Approx(expected(10)));
}

namespace {
// The cost formula of lexical_evidence.h computed directly, word by word,
// with no caches: what the evidence's windows, covered-word lists and
// merges must reproduce.
class ReferenceCost {
 public:
  ReferenceCost(const LexicalModel& model, const std::vector<std::string>& chinese,
                const std::vector<std::string>& english, double weight, std::size_t band_half_width)
      : model_(model), weight_(weight), band_half_width_(band_half_width) {
    for (const auto& sentence : chinese) chinese_.push_back(model.chinese_words(sentence));
    for (const auto& sentence : english) english_.push_back(model.english_words(sentence));
    chinese_idf_ = idf(chinese_);
    english_idf_ = idf(english_);
    const auto lengths = [](const std::vector<std::string>& sentences) {
      std::vector<double> out;
      for (const auto& sentence : sentences) out.push_back(static_cast<double>(count_visible_code_points(sentence)));
      return out;
    };
    diagonal_ = length_diagonal(lengths(chinese), lengths(english));
  }

  double cost(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
              std::size_t english_count) const {
    const std::size_t expected = diagonal_[chinese_begin];
    if ((english_begin > expected ? english_begin - expected : expected - english_begin) > band_half_width_) return 0.0;
    double covered = 0.0;
    for (std::size_t z = chinese_begin; z < chinese_begin + chinese_count; ++z)
      for (const std::uint32_t word : chinese_[z])
        covered += chinese_idf_.at(word) * (cover_chinese(word, english_begin, english_count) -
                                            chance(1.0 - chinese_q(word), english_count));
    for (std::size_t e = english_begin; e < english_begin + english_count; ++e)
      for (const std::uint32_t word : english_[e])
        covered += english_idf_.at(word) * (cover_english(word, chinese_begin, chinese_count) -
                                            chance(1.0 - english_q(word), chinese_count));
    return -weight_ * covered;
  }

 private:
  static double chance(double miss, std::size_t group) { return 1.0 - std::pow(miss, static_cast<double>(group)); }
  double strength(std::uint32_t chinese, std::uint32_t english) const {
    for (const Translation& translation : model_.english_translations(chinese))
      if (translation.word == english) return translation.strength;
    return 0.0;
  }
  bool contains(const std::vector<std::uint32_t>& words, std::uint32_t word) const {
    return std::find(words.begin(), words.end(), word) != words.end();
  }
  double cover_chinese(std::uint32_t word, std::size_t begin, std::size_t count) const {
    double best = 0.0;
    for (std::size_t e = begin; e < begin + count; ++e)
      for (const std::uint32_t english : english_[e]) best = std::max(best, strength(word, english));
    return best;
  }
  double cover_english(std::uint32_t word, std::size_t begin, std::size_t count) const {
    double best = 0.0;
    for (std::size_t z = begin; z < begin + count; ++z)
      for (const std::uint32_t chinese : chinese_[z]) best = std::max(best, strength(chinese, word));
    return best;
  }
  double chinese_q(std::uint32_t word) const {
    double total = 0.0;
    for (std::size_t e = 0; e < english_.size(); ++e) total += cover_chinese(word, e, 1);
    return total / static_cast<double>(english_.size());
  }
  double english_q(std::uint32_t word) const {
    double total = 0.0;
    for (std::size_t z = 0; z < chinese_.size(); ++z) total += cover_english(word, z, 1);
    return total / static_cast<double>(chinese_.size());
  }
  // idf(w) = log(1 + N / df(w)), scaled so that the mean occurrence weighs 1.
  static std::map<std::uint32_t, double> idf(const std::vector<std::vector<std::uint32_t>>& side) {
    std::map<std::uint32_t, double> frequency, weights;
    double occurrences = 0.0, total = 0.0;
    for (const auto& words : side) {
      for (const std::uint32_t word : words) ++frequency[word];
      occurrences += static_cast<double>(words.size());
    }
    for (const auto& words : side)
      for (const std::uint32_t word : words) total += std::log(1.0 + static_cast<double>(side.size()) / frequency[word]);
    for (const auto& [word, count] : frequency)
      weights[word] = std::log(1.0 + static_cast<double>(side.size()) / count) * occurrences / total;
    return weights;
  }

  const LexicalModel& model_;
  double weight_;
  std::size_t band_half_width_;
  std::vector<std::vector<std::uint32_t>> chinese_, english_;
  std::map<std::uint32_t, double> chinese_idf_, english_idf_;
  std::vector<std::size_t> diagonal_;
};
}  // namespace

namespace {
// A link as (Chinese begin, count, English begin, count).
using LinkKey = std::array<std::size_t, 4>;

// Asks `evidence` for every link of up to max_count sentences a side, twice
// (the second round reads what the first one cached), and requires the
// formula's cost each time; returns the links whose cost is not 0.
std::vector<LinkKey> require_formula_costs(const LinkEvidence& evidence, const ReferenceCost& reference,
                                           std::size_t chinese_size, std::size_t english_size,
                                           std::size_t max_count) {
  std::vector<LinkKey> priced;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t z = 0; z < chinese_size; ++z) {
      for (std::size_t e = 0; e < english_size; ++e) {
        for (std::size_t z_count = 1; z_count <= max_count && z + z_count <= chinese_size; ++z_count) {
          for (std::size_t e_count = 1; e_count <= max_count && e + e_count <= english_size; ++e_count) {
            const double expected = reference.cost(z, z_count, e, e_count);
            INFO("link " << z << "+" << z_count << " / " << e << "+" << e_count << ", round " << round);
            REQUIRE(evidence.cost(z, z_count, e, e_count) == Approx(expected).margin(1e-5));
            if (round == 0 && expected != 0.0) priced.push_back({z, z_count, e, e_count});
          }
        }
      }
    }
  }
  return priced;
}
}  // namespace

TEST_CASE("lexical costs match the formula computed word by word, inside and past the cached windows",
          "[lexicon]") {
  const std::vector<std::string> characters = {"山", "水", "火", "木", "金", "土", "日", "月", "天", "人"};
  const std::vector<std::string> words = {"mountain", "water", "fire", "wood", "gold", "earth", "sun", "moon", "sky"};
  std::mt19937 random(20261130);
  const auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };
  Lexicon lexicon;
  const double strengths[] = {1.0, 0.5, 0.3, 0.8};
  for (int entry = 0; entry < 25; ++entry)
    lexicon.add(characters[pick(characters.size())] + characters[pick(2)], words[pick(words.size())], strengths[pick(4)]);
  for (int entry = 0; entry < 12; ++entry)
    lexicon.add(characters[pick(characters.size())], words[pick(words.size())], strengths[pick(4)]);
  const LexicalModel model(lexicon);
  // Unequal sides: the diagonal is not the identity, and the windows shift.
  std::vector<std::string> chinese(30), english(45);
  for (auto& sentence : chinese) {
    for (std::size_t character = pick(9); character-- > 0;) sentence += characters[pick(characters.size())];
    sentence += "。";
  }
  for (auto& sentence : english) {
    for (std::size_t word = pick(6); word-- > 0;) sentence += words[pick(words.size())] + " ";
    sentence += "end.";
  }
  const std::size_t half_width = 3;
  const LexicalEvidenceFactory factory(std::make_shared<const LexicalModel>(lexicon),
                                       {.weight = 0.7, .first_is_chinese = true, .band_half_width = half_width});
  const auto evidence = factory.make(chinese, english);
  const ReferenceCost reference(model, chinese, english, 0.7, half_width);
  // Counts up to 7 reach past the windows (laid out for links of up to 5 sentences).
  const auto priced = require_formula_costs(*evidence, reference, chinese.size(), english.size(), 7);
  CHECK(priced.size() > 1000);  // the band was priced, not skipped
}

namespace {
// A random document over a small random lexicon, as in the test above.
struct RandomDocument {
  Lexicon lexicon;
  std::vector<std::string> chinese, english;
  RandomDocument(std::size_t chinese_size, std::size_t english_size, unsigned seed) {
    const std::vector<std::string> characters = {"山", "水", "火", "木", "金", "土", "日", "月", "天", "人"};
    const std::vector<std::string> words = {"mountain", "water", "fire", "wood", "gold", "earth", "sun", "moon", "sky"};
    std::mt19937 random(seed);
    const auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };
    const double strengths[] = {1.0, 0.5, 0.3, 0.8, 0.7};
    for (int entry = 0; entry < 25; ++entry)
      lexicon.add(characters[pick(characters.size())] + characters[pick(2)], words[pick(words.size())], strengths[pick(5)]);
    for (int entry = 0; entry < 12; ++entry)
      lexicon.add(characters[pick(characters.size())], words[pick(words.size())], strengths[pick(5)]);
    chinese.resize(chinese_size);
    english.resize(english_size);
    for (auto& sentence : chinese) {
      for (std::size_t character = pick(12); character-- > 0;) sentence += characters[pick(characters.size())];
      sentence += "。";
    }
    for (auto& sentence : english) {
      for (std::size_t word = pick(8); word-- > 0;) sentence += words[pick(words.size())] + " ";
      sentence += "end.";
    }
  }
};

struct Link {
  std::size_t chinese_begin, chinese_count, english_begin, english_count;
};

// The links of up to `max_count` sentences a side starting near the diagonal
// of a document of `chinese_size` x `english_size`, in the aligner's order
// (by end cell, row by row).
std::vector<Link> links_near_diagonal(std::size_t chinese_size, std::size_t english_size, std::size_t max_count,
                                      std::size_t half_width) {
  std::vector<Link> links;
  for (std::size_t i = 1; i <= chinese_size; ++i) {
    const std::size_t middle = i * english_size / chinese_size;
    for (std::size_t j = middle > half_width ? middle - half_width : 1; j <= std::min(english_size, middle + half_width); ++j)
      for (std::size_t z_count = 1; z_count <= std::min(max_count, i); ++z_count)
        for (std::size_t e_count = 1; e_count <= std::min(max_count, j); ++e_count)
          links.push_back({i - z_count, z_count, j - e_count, e_count});
  }
  return links;
}

// Each link's first answer from one evidence asked in `order`, in link order.
std::vector<double> first_answers(const LinkEvidence& evidence, const std::vector<Link>& links,
                                  const std::vector<std::size_t>& order) {
  std::vector<double> answers(links.size());
  for (const std::size_t index : order) {
    const Link& link = links[index];
    answers[index] = evidence.cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count);
  }
  return answers;
}
}  // namespace

TEST_CASE("the lexical caches return the very doubles computed afresh whatever the order of the questions",
          "[lexicon]") {
  // Asked in the aligner's order, the closure, the overlap corrections
  // (cached by sentence and group) and the paragraph-link table are reused;
  // asked in a shuffled order by another evidence, mostly not. Every first
  // answer must be equal to the last bit (the memo's later answers are
  // floats, hence first answers only). Counts up to 7: past the windows and
  // the direct-mapped correction cache.
  const RandomDocument document(60, 75, 17);
  const LexicalEvidenceFactory factory(std::make_shared<const LexicalModel>(document.lexicon),
                                       {.weight = 0.7, .first_is_chinese = true, .band_half_width = 6});
  const std::vector<Link> links = links_near_diagonal(60, 75, 7, 6);
  std::vector<std::size_t> order(links.size());
  for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
  const std::vector<double> in_order = first_answers(*factory.make(document.chinese, document.english), links, order);
  std::shuffle(order.begin(), order.end(), std::mt19937(5));
  const std::vector<double> shuffled = first_answers(*factory.make(document.chinese, document.english), links, order);
  std::size_t nonzero = 0;
  for (std::size_t index = 0; index < links.size(); ++index) {
    INFO("link " << links[index].chinese_begin << "+" << links[index].chinese_count << " / "
                 << links[index].english_begin << "+" << links[index].english_count);
    REQUIRE(in_order[index] == shuffled[index]);
    nonzero += in_order[index] != 0.0;
  }
  CHECK(nonzero > links.size() / 2);
}

TEST_CASE("a cell's links priced at once (add_cell_costs) cost what cost() gives them, to the bit", "[lexicon]") {
  // The aligner asks each cell's links at once; the memo keeps them by where
  // they end. Asked cell by cell in the aligner's order, twice (the second
  // round reads the memo), each answer must equal the one cost() gives
  // another evidence asked link by link in the same order: with Chinese
  // first or second, with the memo and without. 60 x 150 sentences: the
  // expected path climbs 2.5 English sentences a row, so links of several
  // Chinese sentences end past the memo's reach and are remembered apart.
  const RandomDocument document(60, 150, 23);
  const auto model = std::make_shared<const LexicalModel>(document.lexicon);
  const std::size_t chinese_counts[] = {0, 1, 1, 1, 2, 2, 1, 3, 2, 3, 1, 4, 1, 5, 7, 4};
  const std::size_t english_counts[] = {1, 0, 1, 2, 1, 2, 3, 1, 3, 2, 4, 1, 5, 1, 2, 6};
  for (const bool chinese_first : {true, false}) {
    for (const std::size_t memo_max_bytes : {SIZE_MAX, std::size_t{0}}) {
      const LexicalEvidenceFactory factory(model, {.weight = 0.7, .first_is_chinese = chinese_first,
                                                   .band_half_width = 6, .memo_max_bytes = memo_max_bytes});
      const auto by_cell = chinese_first ? factory.make(document.chinese, document.english)
                                         : factory.make(document.english, document.chinese);
      const auto by_link = chinese_first ? factory.make(document.chinese, document.english)
                                         : factory.make(document.english, document.chinese);
      const std::size_t* first_counts = chinese_first ? chinese_counts : english_counts;
      const std::size_t* second_counts = chinese_first ? english_counts : chinese_counts;
      const std::size_t first_size = chinese_first ? 60 : 150, second_size = chinese_first ? 150 : 60;
      std::size_t nonzero = 0;
      for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 1; i <= first_size; ++i) {
          const std::size_t middle = i * second_size / first_size;
          for (std::size_t j = middle > 12 ? middle - 12 : 1; j <= std::min(second_size, middle + 12); ++j) {
            std::uint32_t wanted = 0;
            std::array<std::size_t, 16> first_begins{}, second_begins{};
            for (std::size_t t = 0; t < 16; ++t) {
              if (first_counts[t] > i || second_counts[t] > j) continue;
              wanted |= 1u << t;
              first_begins[t] = i - first_counts[t];
              second_begins[t] = j - second_counts[t];
            }
            std::array<double, 16> totals{};
            for (std::size_t t = 0; t < 16; ++t) totals[t] = 0.25 * static_cast<double>(t);
            by_cell->add_cell_costs(i, j, first_begins.data(), second_begins.data(), wanted, totals.data());
            for (std::size_t t = 0; t < 16; ++t) {
              INFO("chinese first " << chinese_first << ", memo " << (memo_max_bytes != 0) << ", round " << round
                                    << ", cell " << i << "/" << j << ", type " << t);
              if ((wanted >> t & 1u) == 0) {
                REQUIRE(totals[t] == 0.25 * static_cast<double>(t));
                continue;
              }
              const double cost = by_link->cost(first_begins[t], first_counts[t], second_begins[t], second_counts[t]);
              REQUIRE(totals[t] == 0.25 * static_cast<double>(t) + cost);
              nonzero += cost != 0.0;
            }
          }
        }
      }
      CHECK(nonzero > 2000);
    }
  }
}

TEST_CASE("links outside the band take no memo slot, asked a cell at a time or one by one", "[lexicon]") {
  // 20 link types, more than the memos' 16 slots: the first 16 priced get
  // one (later answers rounded to float), the others are remembered whole.
  // A cell far from the path asked first must not hand out slots, or the
  // two ways of asking would round different types.
  const RandomDocument document(60, 75, 29);
  const LexicalEvidenceFactory factory(std::make_shared<const LexicalModel>(document.lexicon),
                                       {.weight = 0.7, .first_is_chinese = true, .band_half_width = 4});
  const auto by_cell = factory.make(document.chinese, document.english);
  const auto by_link = factory.make(document.chinese, document.english);
  std::vector<std::pair<std::size_t, std::size_t>> counts;
  for (std::size_t a = 1; a <= 4; ++a)
    for (std::size_t b = 1; b <= 5; ++b) counts.emplace_back(a, b);
  const auto ask = [&](std::size_t i, std::size_t j, std::size_t first_type) {
    std::uint32_t wanted = 0;
    std::array<std::size_t, 20> first_begins{}, second_begins{};
    for (std::size_t t = first_type; t < counts.size(); ++t) {
      if (counts[t].first > i || counts[t].second > j) continue;
      wanted |= 1u << t;
      first_begins[t] = i - counts[t].first;
      second_begins[t] = j - counts[t].second;
    }
    std::array<double, 20> totals{};
    by_cell->add_cell_costs(i, j, first_begins.data(), second_begins.data(), wanted, totals.data());
    for (std::size_t t = 0; t < counts.size(); ++t) {
      if ((wanted >> t & 1u) == 0) continue;
      INFO("cell " << i << "/" << j << ", " << counts[t].first << "-" << counts[t].second);
      REQUIRE(totals[t] == by_link->cost(first_begins[t], counts[t].first, second_begins[t], counts[t].second));
    }
  };
  // Every link of this cell starts 60 English sentences from where it is
  // expected; its 16 types other than 1-1 ... 1-4 would take every slot.
  ask(60, 6, 4);
  std::size_t asked = 0;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 1; i <= 60; ++i) {
      const std::size_t middle = i * 75 / 60;
      for (std::size_t j = middle > 4 ? middle - 4 : 1; j <= std::min<std::size_t>(75, middle + 4); ++j, ++asked)
        ask(i, j, 0);
    }
  }
  CHECK(asked > 800);
}

TEST_CASE("without the memo (long documents) every answer is the same double in any order", "[lexicon]") {
  // A memo over its byte bound (as for long documents): no memo, and the
  // corrections of large groups go to a fixed-size hashed cache that must
  // tell its keys apart.
  const RandomDocument document(10'050, 10'100, 23);
  const LexicalEvidenceFactory factory(
      std::make_shared<const LexicalModel>(document.lexicon),
      {.weight = 0.7, .first_is_chinese = true, .band_half_width = 4, .memo_max_bytes = 0});
  std::vector<Link> links = links_near_diagonal(10'050, 10'100, 9, 4);
  links.resize(links.size() / 40);  // the first 250 rows are enough, and quick
  std::vector<std::size_t> order(links.size());
  for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
  const auto evidence = factory.make(document.chinese, document.english);
  const std::vector<double> in_order = first_answers(*evidence, links, order);
  std::shuffle(order.begin(), order.end(), std::mt19937(7));
  const std::vector<double> again = first_answers(*evidence, links, order);  // the same evidence: its caches
  const std::vector<double> fresh = first_answers(*factory.make(document.chinese, document.english), links, order);
  for (std::size_t index = 0; index < links.size(); ++index) {
    INFO("link " << links[index].chinese_begin << "+" << links[index].chinese_count << " / "
                 << links[index].english_begin << "+" << links[index].english_count);
    REQUIRE(in_order[index] == again[index]);
    REQUIRE(in_order[index] == fresh[index]);
  }
}

TEST_CASE("the memo is kept exactly when its table fits in memo_max_bytes", "[lexicon]") {
  // The memo's later answers are the first ones rounded to float; without
  // it every answer is the computed double. Its table takes 2 * (half width
  // + kMemoReach) + 1 columns x kMemoTypes link types x 4 bytes per Chinese
  // sentence and one more (links end at 1 ... 60).
  const RandomDocument document(60, 75, 31);
  const std::size_t table_bytes =
      61 * (2 * (6 + LexicalEvidenceOptions::kMemoReach) + 1) * LexicalEvidenceOptions::kMemoTypes * sizeof(float);
  const std::vector<Link> links = links_near_diagonal(60, 75, 3, 6);
  const auto later_answers_are_floats = [&](std::size_t memo_max_bytes) {
    const LexicalEvidenceFactory factory(
        std::make_shared<const LexicalModel>(document.lexicon),
        {.weight = 0.7, .first_is_chinese = true, .band_half_width = 6, .memo_max_bytes = memo_max_bytes});
    const auto evidence = factory.make(document.chinese, document.english);
    std::size_t rounded = 0;
    std::size_t exact = 0;
    for (const Link& link : links) {
      const double first = evidence->cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count);
      if (static_cast<double>(static_cast<float>(first)) == first) continue;  // tells nothing
      const double later = evidence->cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count);
      REQUIRE((later == first || later == static_cast<double>(static_cast<float>(first))));
      (later == first ? exact : rounded) += 1;
    }
    REQUIRE(exact + rounded > 100);
    REQUIRE((exact == 0 || rounded == 0));
    return rounded > 0;
  };
  CHECK(later_answers_are_floats(table_bytes));
  CHECK(later_answers_are_floats(SIZE_MAX));
  CHECK_FALSE(later_answers_are_floats(table_bytes - 1));
  CHECK_FALSE(later_answers_are_floats(0));
}

TEST_CASE("with the memo only the rows the search is at keep their windows, and every first answer is the same",
          "[lexicon]") {
  // A document longer than the ring of windows (64 rows), asked as the
  // aligner does: a narrow sweep, a wider one (its new cells need rows the
  // ring gave up), then shuffled questions, and links taller than the ring
  // (a band wide enough for rows 64 apart to share English sentences).
  // Each first answer must equal, to the bit, the one of an evidence
  // without the memo, which keeps every row's window.
  const RandomDocument document(200, 230, 41);
  const auto model = std::make_shared<const LexicalModel>(document.lexicon);
  const LexicalEvidenceFactory with_memo(
      model, {.weight = 0.7, .first_is_chinese = true, .band_half_width = 60, .ring_min_rows = 0});
  const LexicalEvidenceFactory without_memo(
      model, {.weight = 0.7, .first_is_chinese = true, .band_half_width = 60, .memo_max_bytes = 0});
  std::vector<Link> links = links_near_diagonal(200, 230, 6, 3);
  for (const Link& link : links_near_diagonal(200, 230, 6, 8)) links.push_back(link);
  std::vector<Link> shuffled = links;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(3));
  shuffled.resize(shuffled.size() / 4);
  links.insert(links.end(), shuffled.begin(), shuffled.end());
  for (std::size_t begin = 0; begin + 70 <= 200; begin += 13) links.push_back({begin, 70, begin * 230 / 200 + 30, 2});
  const auto remembering = with_memo.make(document.chinese, document.english);
  const auto recomputing = without_memo.make(document.chinese, document.english);
  std::set<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> asked;
  std::size_t compared = 0;
  std::size_t nonzero = 0;
  for (const Link& link : links) {
    const double answer = remembering->cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count);
    if (!asked.insert({link.chinese_begin, link.chinese_count, link.english_begin, link.english_count}).second) continue;
    INFO("link " << link.chinese_begin << "+" << link.chinese_count << " / " << link.english_begin << "+"
                 << link.english_count);
    REQUIRE(answer ==
            recomputing->cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count));
    ++compared;
    nonzero += answer != 0.0;
  }
  CHECK(compared > 10000);
  CHECK(nonzero > compared / 2);
}

TEST_CASE("paragraph links of 8 sentences or more are remembered whole: every answer is the computed double",
          "[lexicon]") {
  // Links the memo's table has no type for are kept apart, as doubles:
  // asked again (the aligner's next pass), each must give back the double
  // of an evidence without the memo, links that differ in one count or
  // start included.
  const RandomDocument document(90, 110, 17);
  const auto model = std::make_shared<const LexicalModel>(document.lexicon);
  const LexicalEvidenceFactory with_memo(model, {.weight = 0.7, .first_is_chinese = true, .band_half_width = 30});
  const LexicalEvidenceFactory without_memo(
      model, {.weight = 0.7, .first_is_chinese = true, .band_half_width = 30, .memo_max_bytes = 0});
  const auto remembering = with_memo.make(document.chinese, document.english);
  const auto recomputing = without_memo.make(document.chinese, document.english);
  std::vector<Link> links;
  for (std::size_t begin = 0; begin + 12 <= 90; begin += 3) {
    for (std::size_t chinese_count = 7; chinese_count <= 11; ++chinese_count) {
      for (std::size_t english_count = 7; english_count <= 11; ++english_count) {
        if (chinese_count < 8 && english_count < 8) continue;
        const std::size_t english_begin = begin * 110 / 90;
        if (english_begin + english_count <= 110) links.push_back({begin, chinese_count, english_begin, english_count});
      }
    }
  }
  std::size_t nonzero = 0;
  for (int round = 0; round < 2; ++round) {
    for (const Link& link : links) {
      INFO("round " << round << ", link " << link.chinese_begin << "+" << link.chinese_count << " / "
                    << link.english_begin << "+" << link.english_count);
      const double answer =
          remembering->cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count);
      REQUIRE(answer ==
              recomputing->cost(link.chinese_begin, link.chinese_count, link.english_begin, link.english_count));
      nonzero += answer != 0.0;
    }
  }
  CHECK(links.size() > 500);
  CHECK(nonzero > links.size());
}

// The document of the expect_path tests, and its lexical evidence with a
// band of 3 sentences and with one wide enough for any path.
struct PathBands {
  explicit PathBands(bool first_is_chinese)
      : document(60, 80, 23),
        model(std::make_shared<const LexicalModel>(document.lexicon)),
        narrow(model, {.weight = 0.7, .first_is_chinese = first_is_chinese, .band_half_width = 3}),
        wide(model, {.weight = 0.7, .first_is_chinese = first_is_chinese, .band_half_width = 80}) {}
  RandomDocument document;
  std::shared_ptr<const LexicalModel> model;
  LexicalEvidenceFactory narrow, wide;
};

TEST_CASE("expect_path moves the lexical band from the length diagonal onto the aligner's path", "[lexicon]") {
  // A path 20 sentences off the diagonal: with a band of 3 the term is 0
  // there, until the aligner says where the path is; then each link on it
  // costs what an evidence with a band wide enough for both gives, and the
  // diagonal is out of the band. Asked after the first cost, it changes
  // nothing: the windows and memo are laid out.
  const PathBands bands(true);
  const RandomDocument& document = bands.document;
  const LexicalEvidenceFactory& narrow = bands.narrow;
  const auto reference = bands.wide.make(document.chinese, document.english);
  std::vector<std::size_t> path(61);
  for (std::size_t i = 0; i <= 60; ++i) path[i] = std::min<std::size_t>(80, i + 20);
  // The length diagonal of these random sentences stays near i * 80 / 60:
  // 20 sentences off it from i = 0 up to the middle.
  const auto on_path = [&](const LinkEvidence& evidence, std::size_t i) { return evidence.cost(i, 1, i + 20, 1); };
  const auto on_diagonal = [&](const LinkEvidence& evidence, std::size_t i) {
    return evidence.cost(i, 1, i * 80 / 60, 1);
  };
  const auto before = narrow.make(document.chinese, document.english);
  const auto after = narrow.make(document.chinese, document.english);
  after->expect_path(path);
  std::size_t differ = 0, nonzero = 0;
  for (std::size_t i = 0; i < 30; ++i) {
    INFO("Chinese sentence " << i);
    CHECK(before->cost(i, 1, i + 20, 1) == 0.0);
    const double expected = on_path(*reference, i);
    CHECK(on_path(*after, i) == expected);
    nonzero += expected != 0.0;
    if (i * 80 / 60 + 3 < i + 20) {
      CHECK(on_diagonal(*after, i) == 0.0);
      differ += on_diagonal(*reference, i) != 0.0;
    }
  }
  CHECK(nonzero > 10);
  CHECK(differ > 5);
  const auto late = narrow.make(document.chinese, document.english);
  const double first = on_diagonal(*late, 2);
  REQUIRE(first != 0.0);
  late->expect_path(path);
  CHECK(on_diagonal(*late, 2) == Approx(first));  // the memo's float
  CHECK(on_path(*late, 2) == 0.0);
}

TEST_CASE("expect_path works when the first side is English", "[lexicon]") {
  // The same path as above seen from the English side: English sentence e
  // is expected at Chinese e - 20.
  const PathBands bands(false);
  const RandomDocument& document = bands.document;
  const auto reference = bands.wide.make(document.english, document.chinese);
  const auto after = bands.narrow.make(document.english, document.chinese);
  std::vector<std::size_t> path(81);
  for (std::size_t e = 0; e <= 80; ++e) path[e] = e < 20 ? 0 : std::min<std::size_t>(60, e - 20);
  after->expect_path(path);
  std::size_t nonzero = 0;
  for (std::size_t c = 1; c < 30; ++c) {
    INFO("Chinese sentence " << c);
    const double expected = reference->cost(c + 20, 1, c, 1);
    CHECK(after->cost(c + 20, 1, c, 1) == expected);
    nonzero += expected != 0.0;
  }
  CHECK(nonzero > 10);
}

namespace {
// Where the paragraphs of `sentences` sentences begin (and the sentence
// count last), each of 1 to `longest` sentences, drawn with `seed`.
std::vector<std::size_t> random_paragraphs(std::size_t sentences, std::size_t longest, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::size_t> begin{0};
  while (begin.back() < sentences)
    begin.push_back(std::min(sentences, begin.back() + std::uniform_int_distribution<std::size_t>(1, longest)(random)));
  return begin;
}
}  // namespace

TEST_CASE("the paragraph stage's term (for_groups) prices group links as the formula does over their sentences",
          "[lexicon]") {
  const RandomDocument document(60, 75, 20261130);
  const LexicalModel model(document.lexicon);
  const std::size_t half_width = 12;
  // Paragraphs of 1 to 6 sentences: links of up to 4 of them reach 24
  // sentences a side, past the precomputed chance of groups up to 8.
  const std::vector<std::size_t> chinese_groups = random_paragraphs(document.chinese.size(), 6, 1);
  const std::vector<std::size_t> english_groups = random_paragraphs(document.english.size(), 6, 2);
  const ReferenceCost reference(model, document.chinese, document.english, 0.7, half_width);
  for (const bool chinese_first : {true, false}) {
    const LexicalEvidenceFactory factory(
        std::make_shared<const LexicalModel>(document.lexicon),
        {.weight = 0.7, .first_is_chinese = chinese_first, .band_half_width = half_width});
    const auto evidence = chinese_first ? factory.make(document.chinese, document.english)
                                        : factory.make(document.english, document.chinese);
    const auto grouped = chinese_first ? evidence->for_groups(chinese_groups, english_groups)
                                       : evidence->for_groups(english_groups, chinese_groups);
    REQUIRE(grouped != nullptr);
    std::size_t nonzero = 0, large = 0;
    for (int round = 0; round < 2; ++round) {  // the second round reads what the first remembered
      for (std::size_t z = 0; z + 1 < chinese_groups.size(); ++z) {
        for (std::size_t e = 0; e + 1 < english_groups.size(); ++e) {
          for (std::size_t z_end = z + 1; z_end <= std::min(z + 4, chinese_groups.size() - 1); ++z_end) {
            for (std::size_t e_end = e + 1; e_end <= std::min(e + 4, english_groups.size() - 1); ++e_end) {
              const std::size_t z_begin = chinese_groups[z], z_count = chinese_groups[z_end] - z_begin;
              const std::size_t e_begin = english_groups[e], e_count = english_groups[e_end] - e_begin;
              const double expected = reference.cost(z_begin, z_count, e_begin, e_count);
              INFO("link " << z_begin << "+" << z_count << " / " << e_begin << "+" << e_count << ", round " << round);
              const double cost = chinese_first ? grouped->cost(z_begin, z_count, e_begin, e_count)
                                                : grouped->cost(e_begin, e_count, z_begin, z_count);
              REQUIRE(cost == Approx(expected).margin(1e-5));
              nonzero += expected != 0.0;
              large += expected != 0.0 && (z_count > 8 || e_count > 8);
            }
          }
        }
      }
    }
    CHECK(nonzero > 500);
    CHECK(large > 50);
    // Its links begin and end at paragraphs: one inside a paragraph is a bug.
    const std::size_t inside = chinese_groups[1] - 1;
    REQUIRE(inside > 0);
    CHECK_THROWS_AS(chinese_first ? grouped->cost(inside, 1, 0, english_groups[1]) : grouped->cost(0, english_groups[1], inside, 1),
                    std::logic_error);
  }
}

TEST_CASE("the paragraph stage's cells priced at once cost what cost() gives their links, to the bit", "[lexicon]") {
  // As the aligner asks at the paragraph stage: each cell of paragraphs at
  // once, its links' bounds in sentences. Each answer must equal the one
  // cost() gives another paragraph-stage term asked link by link in the same
  // order, twice (the second round reads the memo), Chinese first or second.
  const RandomDocument document(90, 120, 7);
  const auto model = std::make_shared<const LexicalModel>(document.lexicon);
  const std::vector<std::size_t> chinese_groups = random_paragraphs(90, 5, 3);
  const std::vector<std::size_t> english_groups = random_paragraphs(120, 5, 4);
  // Paragraph counts of the link types, as the aligner's.
  const std::size_t chinese_counts[] = {0, 1, 1, 1, 2, 2, 1, 3, 2, 3, 1, 4, 1, 5};
  const std::size_t english_counts[] = {1, 0, 1, 2, 1, 2, 3, 1, 3, 2, 4, 1, 5, 1};
  for (const bool chinese_first : {true, false}) {
    const LexicalEvidenceFactory factory(model,
                                         {.weight = 0.7, .first_is_chinese = chinese_first, .band_half_width = 8});
    const auto sentences = chinese_first ? factory.make(document.chinese, document.english)
                                         : factory.make(document.english, document.chinese);
    const auto& first_groups = chinese_first ? chinese_groups : english_groups;
    const auto& second_groups = chinese_first ? english_groups : chinese_groups;
    const auto by_cell = sentences->for_groups(first_groups, second_groups);
    const auto by_link = sentences->for_groups(first_groups, second_groups);
    REQUIRE(by_cell != nullptr);
    const std::size_t* first_counts = chinese_first ? chinese_counts : english_counts;
    const std::size_t* second_counts = chinese_first ? english_counts : chinese_counts;
    const std::size_t first_size = first_groups.size() - 1, second_size = second_groups.size() - 1;
    std::size_t nonzero = 0;
    for (int round = 0; round < 2; ++round) {
      for (std::size_t i = 1; i <= first_size; ++i) {
        for (std::size_t j = 1; j <= second_size; ++j) {  // the whole matrix, as a small paragraph stage searches
          std::uint32_t wanted = 0;
          std::array<std::size_t, 14> first_begins{}, second_begins{};
          for (std::size_t t = 0; t < 14; ++t) {
            if (first_counts[t] > i || second_counts[t] > j) continue;
            wanted |= 1u << t;
            first_begins[t] = first_groups[i - first_counts[t]];
            second_begins[t] = second_groups[j - second_counts[t]];
          }
          std::array<double, 14> totals{};
          by_cell->add_cell_costs(first_groups[i], second_groups[j], first_begins.data(), second_begins.data(), wanted,
                                  totals.data());
          for (std::size_t t = 0; t < 14; ++t) {
            if ((wanted >> t & 1u) == 0) continue;
            INFO("chinese first " << chinese_first << ", round " << round << ", cell " << i << "/" << j << ", type "
                                  << t);
            const double cost = by_link->cost(first_begins[t], first_groups[i] - first_begins[t], second_begins[t],
                                              second_groups[j] - second_begins[t]);
            REQUIRE(totals[t] == cost);
            nonzero += cost != 0.0;
          }
        }
      }
    }
    CHECK(nonzero > 1000);
    // A link that begins inside a paragraph is a bug, asked either way.
    const std::size_t wanted_one = 1u << 2;
    std::array<std::size_t, 14> inside{};
    inside[2] = first_groups[1] - 1;
    std::array<std::size_t, 14> second_begin{};
    std::array<double, 14> totals{};
    REQUIRE(inside[2] > 0);
    CHECK_THROWS_AS(by_cell->add_cell_costs(first_groups[1], second_groups[1], inside.data(), second_begin.data(),
                                            wanted_one, totals.data()),
                    std::logic_error);
  }
}

TEST_CASE("for_groups declines groups that do not cover the document", "[lexicon]") {
  const RandomDocument document(10, 10, 7);
  const LexicalEvidenceFactory factory(std::make_shared<const LexicalModel>(document.lexicon), {});
  const auto evidence = factory.make(document.chinese, document.english);
  const std::vector<std::size_t> whole{0, 4, 10};
  CHECK(evidence->for_groups(whole, whole) != nullptr);
  CHECK(evidence->for_groups(std::vector<std::size_t>{0, 4, 9}, whole) == nullptr);  // short of the end
  CHECK(evidence->for_groups(whole, std::vector<std::size_t>{0, 4, 4, 10}) == nullptr);  // an empty group
}

TEST_CASE("sentences of more than 64 lexicon words cost what the formula gives, alone and beside short ones",
          "[lexicon]") {
  // Overlap corrections keep the covered positions of a sentence of up to
  // 64 words as bits; longer sentences (and paragraphs) take another path.
  const auto han = [](std::size_t index) {  // U+4E00 + index, as UTF-8
    const char32_t code_point = 0x4E00 + static_cast<char32_t>(index);
    std::string out;
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
    return out;
  };
  const auto latin = [](std::size_t index) {  // "zzabk": no stop word, no suffix to fold
    return std::string("zz") + static_cast<char>('a' + index / 26) + static_cast<char>('a' + index % 26) + "k";
  };
  constexpr std::size_t kWords = 100;
  Lexicon lexicon;
  for (std::size_t word = 0; word < kWords; ++word) {
    lexicon.add(han(word), latin(word), 0.6);
    lexicon.add(han(word), latin((word * 7 + 3) % kWords), 0.9);
  }
  const LexicalModel model(lexicon);
  std::mt19937 random(64);
  const auto sentence_of = [&](std::size_t size, bool chinese) {
    std::vector<std::size_t> words(kWords);
    for (std::size_t word = 0; word < kWords; ++word) words[word] = word;
    std::shuffle(words.begin(), words.end(), random);
    std::string sentence;
    for (std::size_t k = 0; k < size; ++k) sentence += chinese ? han(words[k]) : latin(words[k]) + " ";
    return sentence + (chinese ? "。" : "end.");
  };
  std::vector<std::string> chinese, english;
  for (std::size_t index = 0; index < 12; ++index) {
    chinese.push_back(sentence_of(index % 3 == 0 ? 80 : 10, true));   // every third: 80 words
    english.push_back(sentence_of(index % 4 == 1 ? 75 : 12, false));  // every fourth: 75 words
  }
  REQUIRE(model.chinese_words(chinese[0]).size() == 80);
  REQUIRE(model.english_words(english[1]).size() == 75);
  const LexicalEvidenceFactory factory(std::make_shared<const LexicalModel>(lexicon),
                                       {.weight = 0.7, .first_is_chinese = true, .band_half_width = 4});
  const auto evidence = factory.make(chinese, english);
  const ReferenceCost reference(model, chinese, english, 0.7, 4);
  std::size_t long_links = 0;  // several English sentences against a span holding a long Chinese one
  const auto priced = require_formula_costs(*evidence, reference, chinese.size(), english.size(), 3);
  for (const auto& [z, z_count, e, e_count] : priced)
    long_links += (z + z_count - 1) / 3 * 3 >= z && e_count >= 2;  // a multiple of 3 in [z, z + z_count)
  CHECK(long_links > 25);
  // Asked a cell at a time (add_cell_costs: a sentence's corrections against
  // a cell's groups of every size at once), to the bit what cost() gives.
  const auto by_cell = factory.make(chinese, english);
  const auto by_link = factory.make(chinese, english);
  const std::size_t chinese_counts[] = {1, 1, 2, 2, 1, 3, 2, 3, 1, 4, 1, 5};
  const std::size_t english_counts[] = {1, 2, 1, 2, 3, 1, 3, 2, 4, 1, 5, 1};
  std::size_t long_cell_links = 0;
  for (std::size_t i = 1; i <= chinese.size(); ++i) {
    for (std::size_t j = 1; j <= english.size(); ++j) {
      std::uint32_t wanted = 0;
      std::array<std::size_t, 12> chinese_begins{}, english_begins{};
      for (std::size_t t = 0; t < 12; ++t) {
        if (chinese_counts[t] > i || english_counts[t] > j) continue;
        wanted |= 1u << t;
        chinese_begins[t] = i - chinese_counts[t];
        english_begins[t] = j - english_counts[t];
      }
      std::array<double, 12> totals{};
      by_cell->add_cell_costs(i, j, chinese_begins.data(), english_begins.data(), wanted, totals.data());
      for (std::size_t t = 0; t < 12; ++t) {
        if ((wanted >> t & 1u) == 0) continue;
        INFO("cell " << i << "/" << j << ", type " << t);
        REQUIRE(totals[t] == by_link->cost(chinese_begins[t], chinese_counts[t], english_begins[t], english_counts[t]));
        const bool holds_long = (i - 1) / 3 * 3 >= chinese_begins[t] || (j + 2) / 4 * 4 - 3 >= english_begins[t];
        long_cell_links += holds_long && totals[t] != 0.0 && chinese_counts[t] + english_counts[t] >= 3;
      }
    }
  }
  CHECK(long_cell_links > 25);
}
