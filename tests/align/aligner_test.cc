#include <catch2/catch.hpp>

#include "align/aligner.h"

namespace untm {
namespace {

// Chinese filler of `length` characters, and English of about 4x as many.
std::string chinese(std::size_t length) {
  std::string text;
  for (std::size_t k = 0; k < length; ++k) text += "字";
  return text + "。";
}
std::string english(std::size_t length) {
  std::string text;
  for (std::size_t k = 0; k + 1 < length; k += 5) text += "word ";
  return text + "end.";
}

std::vector<std::size_t> second_counts(const std::vector<Link>& links) {
  std::vector<std::size_t> counts;
  for (const Link& link : links) counts.push_back(link.second.size());
  return counts;
}

TEST_CASE("a Chinese sentence translated by two English sentences is a 1-2 link", "[align]") {
  const std::vector<std::string> first = {chinese(12), chinese(30), chinese(9), chinese(22), chinese(15)};
  const std::vector<std::string> second = {english(48), english(60), english(60), english(36), english(88),
                                           english(60)};
  const std::vector<Link> links = align_sentences(first, second, AlignOptions{});
  CHECK(second_counts(links) == std::vector<std::size_t>{1, 2, 1, 1, 1});
  for (const Link& link : links) {
    CHECK(link.first.size() == 1);
    CHECK(link.confidence >= 0.0);
    CHECK(link.confidence <= 1.0);
  }
}

TEST_CASE("numbers pull links where lengths alone cannot decide", "[align]") {
  // By length, the first Chinese sentence fits the first English sentence
  // best and the second takes two; the year says the first Chinese sentence
  // is translated by the first two English sentences.
  const std::vector<std::string> first = {"第一段字字字字字字字字字字字字字字字字字字字字字字字字1997字字字字。",
                                          chinese(36)};
  const std::vector<std::string> second = {english(100), "It was adopted in 1997 and word word.", english(60)};
  AlignOptions lengths_only;
  lengths_only.use_anchors = false;
  CHECK(second_counts(align_sentences(first, second, lengths_only)) == std::vector<std::size_t>{1, 2});
  CHECK(second_counts(align_sentences(first, second, AlignOptions{})) == std::vector<std::size_t>{2, 1});
}

// An evidence term that rewards one link and records the indices it sees.
class OneLinkEvidence final : public LinkEvidence {
 public:
  OneLinkEvidence(std::size_t first, std::size_t second, std::vector<std::size_t>* seen_first)
      : first_(first), second_(second), seen_first_(seen_first) {}
  std::string_view name() const override { return "test"; }
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    if (seen_first_ != nullptr && first_count == 1) seen_first_->push_back(first_begin);
    return first_begin == first_ && first_count == 2 && second_begin == second_ && second_count == 2 ? -100.0 : 0.0;
  }

 private:
  std::size_t first_, second_;
  std::vector<std::size_t>* seen_first_;
};

class OneLinkFactory final : public EvidenceFactory {
 public:
  OneLinkFactory(std::size_t first, std::size_t second, std::vector<std::size_t>* seen_first = nullptr)
      : first_(first), second_(second), seen_first_(seen_first) {}
  std::unique_ptr<LinkEvidence> make(std::span<const std::string>, std::span<const std::string>) const override {
    return std::make_unique<OneLinkEvidence>(first_, second_, seen_first_);
  }

 private:
  std::size_t first_, second_;
  std::vector<std::size_t>* seen_first_;
};

TEST_CASE("evidence terms are added to the cost of every candidate link", "[align]") {
  const std::vector<std::string> first = {chinese(10), chinese(20), chinese(14), chinese(25)};
  const std::vector<std::string> second = {english(40), english(80), english(56), english(100)};
  CHECK(second_counts(align_sentences(first, second, AlignOptions{})) == std::vector<std::size_t>{1, 1, 1, 1});
  AlignOptions options;
  options.evidence.push_back(std::make_shared<OneLinkFactory>(1, 1));
  const std::vector<Link> links = align_sentences(first, second, options);
  REQUIRE(links.size() == 3);
  CHECK(links[1].first == SentenceRange{1, 3});
  CHECK(links[1].second.size() == 2);
}

SplitDocument document(Language language, std::vector<std::vector<std::string>> paragraphs) {
  SplitDocument split;
  split.language = language;
  std::size_t offset = 0;
  for (const auto& sentences : paragraphs) {
    Paragraph paragraph;
    for (const std::string& text : sentences) {
      paragraph.sentences.push_back(Sentence{text, SourceSpan{offset, offset + text.size()}, 0});
      offset += text.size() + 1;
    }
    split.paragraphs.push_back(std::move(paragraph));
  }
  return split;
}

TEST_CASE("documents align paragraphs first and join the sentences of a link", "[align]") {
  std::vector<std::size_t> seen_first;
  const SplitDocument first = document(Language::zh, {{"1. " + chinese(20)}, {"2. " + chinese(16), chinese(7)}});
  const SplitDocument second =
      document(Language::en, {{"1. " + english(80)}, {"2. " + english(36), english(36), english(28)}});
  AlignOptions options;
  options.evidence.push_back(std::make_shared<OneLinkFactory>(99, 99, &seen_first));
  const AlignedDocument aligned = align_documents(first, second, options);
  REQUIRE(aligned.pairs.size() == 3);
  CHECK(aligned.pairs[1].link.type() == LinkType{1, 2});
  // English sentences joined with one space, in order.
  CHECK(aligned.pairs[1].second.text == "2. " + english(36) + " " + english(36));
  CHECK(aligned.pairs[1].link.second == SentenceRange{1, 3});
  CHECK(aligned.pairs[1].second.source.begin == second.paragraphs[1].sentences[0].source.begin);
  CHECK(aligned.pairs[1].second.source.end == second.paragraphs[1].sentences[1].source.end);
  CHECK(aligned.pairs[2].first.text == chinese(7));
  CHECK(aligned.pairs[2].link.first == SentenceRange{2, 3});
  // Evidence saw document-level indices inside the second paragraph group.
  CHECK(std::find(seen_first.begin(), seen_first.end(), 2u) != seen_first.end());
}

TEST_CASE("the caller's sentence features stand for the sentences' own, when there is one per sentence", "[align]") {
  // As in "numbers pull links": the year links the first Chinese sentence
  // to the first two English ones. Features that put the year on the third
  // English sentence instead must move the link: the aligner takes them.
  const std::vector<std::string> first = {"第一段字字字字字字字字字字字字字字字字字字字字字字字字1997字字字字。",
                                          chinese(36)};
  const std::vector<std::string> second = {english(100), "It was adopted in 1997 and word word.", english(60)};
  const std::vector<std::string> moved = {english(100), "It was adopted in the year and word word.",
                                          "In 1997 " + english(52)};
  const auto features = [](const std::vector<std::string>& sentences, Language language) {
    std::vector<SentenceFeatures> out;
    for (const std::string& sentence : sentences) out.push_back(extract_features(sentence, language));
    return out;
  };
  const auto with = [&](std::vector<SentenceFeatures> second_features) {
    AlignOptions options;
    options.sentence_features = std::make_shared<const SentenceFeatureSides>(
        SentenceFeatureSides{features(first, Language::zh), std::move(second_features)});
    return options;
  };
  const SplitDocument first_document = document(Language::zh, {first});
  const SplitDocument second_document = document(Language::en, {second});
  const auto document_counts = [&](const AlignOptions& options) {
    std::vector<std::size_t> counts;
    for (const AlignedPair& pair : align_documents(first_document, second_document, options).pairs)
      counts.push_back(pair.link.second.size());
    return counts;
  };
  // The sentences' own features: the links of none given.
  CHECK(second_counts(align_sentences(first, second, with(features(second, Language::en)))) ==
        std::vector<std::size_t>{2, 1});
  CHECK(document_counts(with(features(second, Language::en))) == std::vector<std::size_t>{2, 1});
  // Features with the year moved: the link moves.
  CHECK(second_counts(align_sentences(first, second, with(features(moved, Language::en)))) ==
        std::vector<std::size_t>{1, 2});
  CHECK(document_counts(with(features(moved, Language::en))) == std::vector<std::size_t>{1, 2});
  // Features of other sentences (not one per sentence) are not used.
  std::vector<SentenceFeatures> too_few = features(moved, Language::en);
  too_few.pop_back();
  CHECK(second_counts(align_sentences(first, second, with(too_few))) == std::vector<std::size_t>{2, 1});
  CHECK(document_counts(with(too_few)) == std::vector<std::size_t>{2, 1});
}

TEST_CASE("an earlier alignment places the first band and changes no link", "[align]") {
  // Long enough, with a narrow band, for the search to run in bands.
  std::vector<std::string> first, second;
  std::vector<std::vector<std::string>> first_paragraphs(3), second_paragraphs(3);
  for (std::size_t k = 0; k < 60; ++k) {
    first.push_back(chinese(8 + k % 7 * 3));
    second.push_back(english(4 * (8 + k % 7 * 3)));
    if (k % 11 == 5) second.push_back(english(20));
    first_paragraphs[k / 20].push_back(first.back());
  }
  std::size_t next = 0;
  for (std::size_t k = 0; k < 60; ++k) {
    second_paragraphs[k / 20].push_back(second[next++]);
    if (k % 11 == 5) second_paragraphs[k / 20].push_back(second[next++]);
  }
  AlignOptions options;
  options.band.initial_half_width = 2;
  options.band.full_search_cells = 0;
  const std::vector<Link> plain = align_sentences(first, second, options);
  AlignOptions guided = options;
  guided.initial_links = plain;
  CHECK(align_sentences(first, second, guided) == plain);
  // Links that do not cover both sides are ignored.
  guided.initial_links.pop_back();
  CHECK(align_sentences(first, second, guided) == plain);
  // Paragraphs first: each block gets its share of the earlier path.
  const SplitDocument first_document = document(Language::zh, first_paragraphs);
  const SplitDocument second_document = document(Language::en, second_paragraphs);
  const AlignedDocument unguided = align_documents(first_document, second_document, options);
  guided.initial_links = plain;
  const AlignedDocument from_plain = align_documents(first_document, second_document, guided);
  REQUIRE(from_plain.pairs.size() == unguided.pairs.size());
  for (std::size_t k = 0; k < unguided.pairs.size(); ++k) CHECK(from_plain.pairs[k].link == unguided.pairs[k].link);
}

// An evidence term that rewards the 1-1 links (k, k) and counts the links
// it is asked to price.
class DiagonalEvidence final : public LinkEvidence {
 public:
  explicit DiagonalEvidence(std::size_t* priced) : priced_(priced) {}
  std::string_view name() const override { return "diagonal"; }
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    ++*priced_;
    return first_count == 1 && second_count == 1 && first_begin == second_begin ? -3.0 : 0.0;
  }

 private:
  std::size_t* priced_;
};

class DiagonalFactory final : public EvidenceFactory {
 public:
  explicit DiagonalFactory(std::size_t* priced) : priced_(priced) {}
  std::unique_ptr<LinkEvidence> make(std::span<const std::string>, std::span<const std::string>) const override {
    return std::make_unique<DiagonalEvidence>(priced_);
  }

 private:
  std::size_t* priced_;
};

TEST_CASE("searches with evidence around an earlier path start narrower and still follow the evidence", "[align]") {
  // Lengths repeat every 3 sentences: a path shifted by 21 fits them as
  // well as the true one, and only the evidence tells the diagonal.
  std::vector<std::string> first, second;
  for (std::size_t k = 0; k < 300; ++k) {
    first.push_back(chinese(10 + k % 3 * 6));
    second.push_back(english(4 * (10 + k % 3 * 6)));
  }
  std::vector<Link> diagonal;
  for (std::size_t k = 0; k < 300; ++k) diagonal.push_back(Link{{k, k + 1}, {k, k + 1}});
  std::size_t priced = 0;
  AlignOptions options;
  options.band.full_search_cells = 0;
  options.evidence.push_back(std::make_shared<DiagonalFactory>(&priced));
  const auto same_links = [](const std::vector<Link>& found, const std::vector<Link>& expected) {
    if (found.size() != expected.size()) return false;
    for (std::size_t k = 0; k < found.size(); ++k)
      if (found[k].first != expected[k].first || found[k].second != expected[k].second) return false;
    return true;
  };

  // Around the right path, the guided band prices about half the links a
  // band of the first search's width would.
  options.initial_links = diagonal;
  REQUIRE(options.band.guided_half_width < options.band.initial_half_width);
  CHECK(same_links(align_sentences(first, second, options), diagonal));
  const std::size_t narrow = priced;
  AlignOptions wide = options;
  wide.band.guided_half_width = wide.band.initial_half_width;
  priced = 0;
  CHECK(same_links(align_sentences(first, second, wide), diagonal));
  CHECK(narrow < priced * 2 / 3);

  // Around a path 21 sentences off over most of the text, further than the
  // guided band reaches, the evidence still brings the links back.
  std::vector<Link> shifted;
  for (std::size_t k = 0; k < 50; ++k) shifted.push_back(Link{{k, k + 1}, {k, k + 1}});
  for (std::size_t k = 50; k < 71; ++k) shifted.push_back(Link{{50, 50}, {k, k + 1}});
  for (std::size_t k = 50; k < 279; ++k) shifted.push_back(Link{{k, k + 1}, {k + 21, k + 22}});
  for (std::size_t k = 279; k < 300; ++k) shifted.push_back(Link{{k, k + 1}, {300, 300}});
  options.initial_links = shifted;
  CHECK(same_links(align_sentences(first, second, options), diagonal));
}

TEST_CASE("Chinese sentences of a link are joined with nothing between them", "[align]") {
  const SplitDocument first = document(Language::zh, {{chinese(10), chinese(10)}});
  const SplitDocument second = document(Language::en, {{english(80)}});
  const AlignedDocument aligned = align_documents(first, second, AlignOptions{});
  REQUIRE(aligned.pairs.size() == 1);
  CHECK(aligned.pairs[0].first.text == chinese(10) + chinese(10));
  CHECK(aligned.pairs[0].link.first == SentenceRange{0, 2});
}

}  // namespace
}  // namespace untm
