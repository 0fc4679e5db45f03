#pragma once
// Plain values that flow between the pipeline stages (docs/DESIGN.md, "The
// pipeline, as data"). Every stage takes and returns these; none keeps state.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/link.h"
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
  std::uint32_t page = 0;  // the PDF page (1-based) the sentence starts on; 0: not from a PDF
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
  SourceSpan source;  // spans the first to the last sentence
  std::uint32_t page = 0;  // the first sentence's PDF page; 0: not from a PDF, or no sentence
};

// Who made a link: the aligner, or a person (a link marked checked or edited
// in a corrections file, `untm align --from-links`). Written as TMX's
// <prop type="x-origin"> and JSONL's "origin", as eLUNa records per bitext
// whether it was aligned automatically or corrected by hand.
enum class LinkOrigin { automatic, manual };

// "auto" / "manual"
std::string_view origin_name(LinkOrigin origin);
std::optional<LinkOrigin> parse_origin(std::string_view name);

// One translation unit: a link and the texts of its two sides.
struct AlignedPair {
  Link link;
  Segment first;
  Segment second;
  LinkOrigin origin = LinkOrigin::automatic;
};

struct AlignedDocument {
  std::string id;                 // UN symbol or file stem
  std::string first_language = "zh";
  std::string second_language = "en";
  std::vector<AlignedPair> pairs;
};

// The links of a document's pairs, in order (for --links files).
std::vector<Link> links_of(const AlignedDocument& document);

}  // namespace untm
