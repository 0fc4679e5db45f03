#pragma once
// Plain values that flow between the pipeline stages (DESIGN.md, "The
// pipeline, as data"). Every stage takes and returns these; none keeps state.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/range.h"

namespace untm {

enum class Language { zh, en };

// "zh" / "en": the BCP 47 code used in TMX and on the command line.
std::string_view language_code(Language language);
std::optional<Language> parse_language(std::string_view code);

// Half-open byte range [begin, end) in the decoded (UTF-8) input text of one
// document, before cleaning: where a piece of output came from.
using SourceSpan = Range;

struct Sentence {
  std::string text;
  SourceSpan source;
};

struct Paragraph {
  std::vector<Sentence> sentences;
  bool heading = false;
};

// One side of a document after decode, clean, paragraphs and split.
struct SplitDocument {
  Language language = Language::zh;
  std::vector<Paragraph> paragraphs;
};

// One side of an aligned pair: the joined text of the sentences in the link.
struct Segment {
  std::string text;
  SourceSpan source;                  // spans the first to the last sentence
  std::uint32_t sentence_count = 0;   // 0 for the empty side of a null link
  std::uint32_t first_sentence = 0;   // index of the first sentence in its document
};

// One translation unit: a link between `first.sentence_count` sentences of the
// first document and `second.sentence_count` of the second.
struct AlignedPair {
  Segment first;
  Segment second;
  double cost = 0.0;        // alignment cost of the link (lower is better)
  double confidence = 0.0;  // in [0, 1]; users filter on it
};

// "2-1": sentences on the first side, then on the second.
std::string link_type(const AlignedPair& pair);

struct AlignedDocument {
  std::string id;                 // UN symbol or file stem
  std::string first_language = "zh";
  std::string second_language = "en";
  std::vector<AlignedPair> pairs;
};

}  // namespace untm
