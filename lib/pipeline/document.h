#pragma once
// The per-document pipeline (DESIGN.md, "The pipeline, as data"): the text
// half in one call (decode, clean, rebuild paragraphs, split sentences), and
// a document pair from its bytes to an AlignedDocument. `untm align`, the
// batch job and the learning workflow all read and align documents through
// these calls, so there is one path from bytes to links.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "core/types.h"
#include "read/block.h"

namespace untm::pipeline {

struct TextOptions {
  // Replace invalid UTF-8 with U+FFFD instead of throwing InputError.
  bool lenient = false;
  // The input already holds one sentence per line (gold-set layout): decode
  // only; every non-empty line is one sentence, all in one paragraph.
  bool presplit = false;
  // Read the input as this format instead of judging by its bytes (the
  // tool's input-format option); nullopt judges by content. A DOCX or PDF
  // forced on bytes that are not one is an InputError saying what the bytes
  // look like; text forced on bytes that look like a DOCX or PDF is decoded
  // as text (a text file that quotes "%PDF-" near its start).
  std::optional<read::InputFormat> format = std::nullopt;
  // read_pair: the caller stated no languages, so a pair whose sides are
  // clearly the other way round is read swapped instead of refused.
  bool detect_order = false;
};

struct TextWarnings {
  std::size_t replaced_invalid_sequences = 0;  // with `lenient`
  bool empty = false;                          // the document had no text
};

// The format comes from the bytes (read::detect_format) unless
// options.format forces one: a DOCX or PDF is read by lib/read into blocks,
// each block one paragraph (sentence spans are then block indexes and PDF
// sentences carry their page, text/blocks.h); anything else is decoded,
// cleaned and rebuilt as text. Throws InputError naming `source_name` (and the byte
// offset where known) for invalid UTF-8, binary junk, a damaged DOCX, a
// legacy .doc and the like.
SplitDocument read_document(std::string_view bytes, Language language,
                            const std::string& source_name,
                            const TextOptions& options = {},
                            TextWarnings* warnings = nullptr);

// How read_document reads a PDF: read::read_pdf in this process, unless the
// program installs another reader. The tool installs one that runs read_pdf
// in a child process under CPU and memory limits (tools/untm/pdf_child.h), so
// that a PDF whose streams expand without end, or that crashes poppler,
// fails alone and by name. Process-wide: install it before any thread reads.
using PdfReader = std::function<std::vector<read::Block>(std::string_view bytes, const std::string& source_name)>;
void install_pdf_reader(PdfReader reader);

// read_document a paragraph at a time: `take` gets each paragraph (the same
// paragraphs in the same order) as soon as it is split, so a caller that
// writes them as they come (untm split) never holds the whole document's
// sentences. An error thrown part way leaves earlier paragraphs taken.
void read_document_paragraphs(std::string_view bytes, Language language, const std::string& source_name,
                              const TextOptions& options, TextWarnings* warnings,
                              const std::function<void(Paragraph&&)>& take);

// Reads an input by its name (a file name for the tool, a key for tests:
// the library never opens files). Throws InputError naming it.
using ReadNamed = std::function<std::string(const std::string& name)>;

struct SplitPair {
  SplitDocument first;   // each in the language it was split in
  SplitDocument second;
  // For the user, without "warning:": an empty side, lengths no translation
  // has, the order detected (pipeline/pair_languages.h).
  std::vector<std::string> warnings;
  std::uint64_t input_bytes = 0;  // both sides' bytes as read
};

// Reads both sides' bytes (first, then second), then splits the first in
// options.first_language and the second in options.second_language (swapped
// when text_options.detect_order finds them the other way round). Throws
// InputError naming the side at fault, also when its letters contradict its
// language. `input_bytes`, if given, gets the bytes read (SplitPair::input_bytes),
// also when splitting them throws.
SplitPair read_pair(const std::string& first_name, const std::string& second_name, const ReadNamed& read,
                    const AlignOptions& options, const TextOptions& text_options = {},
                    std::uint64_t* input_bytes = nullptr);

// Aligns a pair read by read_pair in its sides' languages (which override
// options.first_language and second_language); the result carries `id`.
AlignedDocument align_pair(const SplitPair& pair, const AlignOptions& options, std::string id);

// The sentences of a document in order, paragraphs flattened: what pass 1
// of the learning workflow aligns and what link files index.
std::vector<std::string> sentence_texts(const SplitDocument& document);

}  // namespace untm::pipeline
