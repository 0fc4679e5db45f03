#include "pipeline/document.h"

#include <utility>

#include "split/sentence_splitter.h"
#include "text/clean.h"
#include "text/decode.h"
#include "text/paragraphs.h"

namespace untm::pipeline {

namespace {

// Gold-set layout: line i is sentence i. Empty and white-space-only lines are
// left out (gold files have none), so with them in the input line numbers and
// sentence indexes differ.
SplitDocument presplit_document(const std::string& decoded, Language language) {
  SplitDocument document{language, {}};
  Paragraph paragraph;
  std::size_t line_start = 0;
  while (line_start < decoded.size()) {
    std::size_t line_end = decoded.find('\n', line_start);
    if (line_end == std::string::npos) line_end = decoded.size();
    const ByteRange content = trim_spaces(decoded, {line_start, line_end});
    if (content.end > content.begin) {
      paragraph.sentences.push_back(
          {decoded.substr(line_start, line_end - line_start), SourceSpan{line_start, line_end}});
    }
    line_start = line_end + 1;
  }
  if (!paragraph.sentences.empty()) document.paragraphs.push_back(std::move(paragraph));
  return document;
}

}  // namespace

SplitDocument read_document(std::string_view bytes, Language language, const std::string& source_name,
                            const TextOptions& options, TextWarnings* warnings) {
  const DecodedText decoded = decode_text(bytes, source_name, options.lenient);
  SplitDocument document{language, {}};
  if (options.presplit) {
    document = presplit_document(decoded.text, language);
  } else {
    const auto lines = clean_lines(decoded.text, language);
    SentenceSplitter splitter(language);
    for (auto& rebuilt : rebuild_paragraphs(decoded.text, lines, language)) {
      Paragraph paragraph;
      paragraph.heading = rebuilt.heading;
      const auto& text = rebuilt.text;
      // A heading is one unit even when it holds a full stop (二. 已收到...).
      const auto ranges = rebuilt.heading ? std::vector<ByteRange>{trim_spaces(text.text, {0, text.text.size()})}
                                          : splitter.split(text.text);
      for (const auto& range : ranges) {
        if (range.end <= range.begin) continue;
        paragraph.sentences.push_back(
            {text.text.substr(range.begin, range.end - range.begin), text.source_span(range.begin, range.end)});
      }
      if (!paragraph.sentences.empty()) document.paragraphs.push_back(std::move(paragraph));
    }
  }
  if (warnings != nullptr) {
    warnings->replaced_invalid_sequences = decoded.replaced_invalid_sequences;
    warnings->empty = document.paragraphs.empty();
  }
  return document;
}

SplitPair read_pair(const std::string& first_name, const std::string& second_name, const ReadNamed& read,
                    const AlignOptions& options, const TextOptions& text_options, std::uint64_t* input_bytes) {
  const std::string first_bytes = read(first_name);
  const std::string second_bytes = read(second_name);
  if (input_bytes != nullptr) *input_bytes = first_bytes.size() + second_bytes.size();
  SplitPair pair;
  pair.first = read_document(first_bytes, options.first_language, first_name, text_options);
  pair.second = read_document(second_bytes, options.second_language, second_name, text_options);
  return pair;
}

AlignedDocument align_pair(const SplitPair& pair, const AlignOptions& options, std::string id) {
  AlignedDocument aligned = align_documents(pair.first, pair.second, options);
  aligned.id = std::move(id);
  return aligned;
}

std::vector<std::string> sentence_texts(const SplitDocument& document) {
  std::vector<std::string> texts;
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) texts.push_back(sentence.text);
  return texts;
}

}  // namespace untm::pipeline
