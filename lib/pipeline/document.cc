#include "pipeline/document.h"

#include <fmt/format.h>

#include <functional>
#include <new>
#include <utility>

#include "core/error.h"
#include "pipeline/pair_languages.h"
#include "read/block.h"
#include "read/docx.h"
#include "read/pdf.h"
#include "split/sentence_splitter.h"
#include "text/blocks.h"
#include "text/clean.h"
#include "text/decode.h"
#include "text/paragraphs.h"

namespace untm::pipeline {

namespace {

PdfReader& installed_pdf_reader() {
  static PdfReader reader;
  return reader;
}

std::vector<read::Block> read_pdf_blocks(std::string_view bytes, const std::string& source_name) {
  const PdfReader& reader = installed_pdf_reader();
  return reader ? reader(bytes, source_name) : read::read_pdf(bytes, source_name);
}

// Gold-set layout: line i is sentence i. Empty and white-space-only lines are
// left out (gold files have none), so with them in the input line numbers and
// sentence indexes differ.
SplitDocument presplit_document(std::string_view decoded, Language language) {
  SplitDocument document{language, {}};
  Paragraph paragraph;
  std::size_t line_start = 0;
  while (line_start < decoded.size()) {
    std::size_t line_end = decoded.find('\n', line_start);
    if (line_end == std::string::npos) line_end = decoded.size();
    const Range content = trim_spaces(decoded, {line_start, line_end});
    if (content.end > content.begin) {
      paragraph.sentences.push_back(
          {std::string(decoded.substr(line_start, line_end - line_start)), SourceSpan{line_start, line_end}, 0});
    }
    line_start = line_end + 1;
  }
  if (!paragraph.sentences.empty()) document.paragraphs.push_back(std::move(paragraph));
  return document;
}

// A paragraph split into sentences; a heading is one unit even when it holds
// a full stop (二. 已收到...). Empty when it has no sentence.
Paragraph split_paragraph(const RebuiltParagraph& rebuilt, SentenceSplitter& splitter) {
  Paragraph paragraph;
  paragraph.heading = rebuilt.heading;
  const auto& text = rebuilt.text;
  const auto ranges = rebuilt.heading ? std::vector<Range>{trim_spaces(text.text, {0, text.text.size()})}
                                      : splitter.split(text.text);
  paragraph.sentences.reserve(ranges.size());
  for (const auto& range : ranges) {
    if (range.end <= range.begin) continue;
    paragraph.sentences.push_back({text.text.substr(range.begin, range.end - range.begin),
                                   text.source_span(range.begin, range.end), rebuilt.page_at(range.begin)});
  }
  return paragraph;
}

// The format to read: forced by options.format, or judged by the bytes. A
// forced DOCX or PDF must be one, or the user is told what the file is.
read::InputFormat input_format(std::string_view bytes, const std::string& source_name, const TextOptions& options) {
  if (options.presplit) return read::InputFormat::text;
  const auto detected = read::detect_format(bytes);
  if (!options.format) return detected;
  const auto forced = *options.format;
  if (forced != read::InputFormat::text && forced != detected) {
    throw InputError(source_name, fmt::format("asked to read it as a {0}, but it is not a {0}: it looks like {1}",
                                              forced == read::InputFormat::pdf ? "PDF" : "DOCX",
                                              read::describe_format(bytes)));
  }
  return forced;
}

// Text forced on bytes that look like a DOCX or PDF: when they do not decode,
// say what they look like rather than only "binary data".
DecodedView decode_forced_text(std::string_view bytes, const std::string& source_name, const TextOptions& options) {
  const auto detected = read::detect_format(bytes);
  if (!options.format || detected == read::InputFormat::text) return DecodedView(bytes, source_name, options.lenient);
  try {
    return DecodedView(bytes, source_name, options.lenient);
  } catch (const InputError& error) {
    throw InputError(source_name, fmt::format("asked to read it as text, but it looks like {} ({}): read it "
                                              "by its content instead",
                                              read::describe_format(bytes), error.message()));
  }
}

using TakeParagraph = std::function<void(Paragraph&&)>;

// Splits each rebuilt paragraph as it comes and passes on those with sentences.
std::function<void(RebuiltParagraph&&)> splitting(SentenceSplitter& splitter, const TakeParagraph& take) {
  return [&splitter, &take](RebuiltParagraph&& rebuilt) {
    Paragraph paragraph = split_paragraph(rebuilt, splitter);
    if (!paragraph.sentences.empty()) take(std::move(paragraph));
  };
}

void read_text_paragraphs(std::string_view bytes, Language language, const std::string& source_name,
                          const TextOptions& options, TextWarnings* warnings, const TakeParagraph& take) {
  if (const auto unsupported = read::unsupported_format(bytes); !unsupported.empty()) {
    throw InputError(source_name, std::string(unsupported));
  }
  const DecodedView decoded = decode_forced_text(bytes, source_name, options);
  if (warnings != nullptr) warnings->replaced_invalid_sequences = decoded.replaced_invalid_sequences();
  if (options.presplit) {
    for (auto& paragraph : presplit_document(decoded.text(), language).paragraphs) take(std::move(paragraph));
    return;
  }
  SentenceSplitter splitter(language);
  rebuild_paragraphs(decoded.text(), clean_lines(decoded.text(), language), language, splitting(splitter, take));
}

void read_any_paragraphs(std::string_view bytes, Language language, const std::string& source_name,
                         const TextOptions& options, TextWarnings* warnings, const TakeParagraph& take) {
  const auto format = input_format(bytes, source_name, options);
  if (format == read::InputFormat::docx || format == read::InputFormat::pdf) {
    const auto blocks = format == read::InputFormat::docx ? read::read_docx(bytes, source_name)
                                                          : read_pdf_blocks(bytes, source_name);
    SentenceSplitter splitter(language);
    const auto take_rebuilt = splitting(splitter, take);
    for (auto& rebuilt : paragraphs_from_blocks(blocks, language)) take_rebuilt(std::move(rebuilt));
  } else {
    read_text_paragraphs(bytes, language, source_name, options, warnings, take);
  }
}

// Counted without allocating: it names the size of a document that just ran
// out of memory.
std::size_t sentence_count(const SplitDocument& document) {
  std::size_t count = 0;
  for (const Paragraph& paragraph : document.paragraphs) count += paragraph.sentences.size();
  return count;
}

// A document too large for the memory left (RAM and swap, or a limit such as
// ulimit -v) fails by name, as any input untm cannot take, instead of ending
// the run as a bare std::bad_alloc; a batch then goes on with the others.
[[noreturn]] void throw_out_of_memory(const std::string& name, const std::string& what) {
  throw InputError(name, fmt::format("ran out of memory {} (free memory or raise the memory limit, or split "
                                     "the document)",
                                     what));
}

}  // namespace

void install_pdf_reader(PdfReader reader) { installed_pdf_reader() = std::move(reader); }

void read_document_paragraphs(std::string_view bytes, Language language, const std::string& source_name,
                              const TextOptions& options, TextWarnings* warnings,
                              const std::function<void(Paragraph&&)>& take) {
  check_input_size(bytes.size(), source_name);  // DOCX and PDF too, before their readers
  bool empty = true;
  const TakeParagraph counting = [&empty, &take](Paragraph&& paragraph) {
    empty = false;
    take(std::move(paragraph));
  };
  try {
    read_any_paragraphs(bytes, language, source_name, options, warnings, counting);
  } catch (const std::bad_alloc&) {
    throw_out_of_memory(source_name, fmt::format("reading and splitting its {} bytes", bytes.size()));
  }
  if (warnings != nullptr) warnings->empty = empty;
}

SplitDocument read_document(std::string_view bytes, Language language, const std::string& source_name,
                            const TextOptions& options, TextWarnings* warnings) {
  SplitDocument document{language, {}};
  read_document_paragraphs(bytes, language, source_name, options, warnings, [&document](Paragraph&& paragraph) {
    document.paragraphs.push_back(std::move(paragraph));
  });
  return document;
}

SplitPair read_pair(const std::string& first_name, const std::string& second_name, const ReadNamed& read,
                    const AlignOptions& options, const TextOptions& text_options, std::uint64_t* input_bytes) {
  const std::string first_bytes = read(first_name);
  const std::string second_bytes = read(second_name);
  if (input_bytes != nullptr) *input_bytes = first_bytes.size() + second_bytes.size();
  SplitPair pair;
  pair.input_bytes = first_bytes.size() + second_bytes.size();
  pair.first = read_document(first_bytes, options.first_language, first_name, text_options);
  pair.second = read_document(second_bytes, options.second_language, second_name, text_options);
  if (check_pair_languages(pair, first_name, second_name, text_options.detect_order) == PairOrder::swapped) {
    // Split again: the sentence rules and the cleaning depend on the language.
    pair.first = read_document(first_bytes, options.second_language, first_name, text_options);
    pair.second = read_document(second_bytes, options.first_language, second_name, text_options);
    pair.warnings.push_back(fmt::format("{} is {} and {} is {}: aligned in that order", first_name,
                                        language_code(pair.first.language), second_name,
                                        language_code(pair.second.language)));
  }
  for (std::string& warning : pair_warnings(pair, first_name, second_name)) pair.warnings.push_back(std::move(warning));
  return pair;
}

AlignedDocument align_pair(const SplitPair& pair, const AlignOptions& options, std::string id) {
  AlignOptions in_languages = options;
  in_languages.first_language = pair.first.language;
  in_languages.second_language = pair.second.language;
  try {
    AlignedDocument aligned = align_documents(pair.first, pair.second, in_languages);
    aligned.id = std::move(id);
    return aligned;
  } catch (const std::bad_alloc&) {
    throw_out_of_memory(id, fmt::format("aligning {} with {} sentences", sentence_count(pair.first),
                                        sentence_count(pair.second)));
  }
}

std::vector<std::string> sentence_texts(const SplitDocument& document) {
  std::vector<std::string> texts;
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) texts.push_back(sentence.text);
  return texts;
}

}  // namespace untm::pipeline
