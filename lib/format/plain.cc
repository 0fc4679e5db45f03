#include "format/plain.h"

#include <fmt/format.h>

#include <cmath>

namespace untm::format {

namespace {

// JSON has no NaN or infinity (RFC 8259 §6): those costs are written as null.
std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  return fmt::format("{:.4f}", value);
}

void append_json_string(std::string& out, std::string_view text, CleanupCounts& counts) {
  out += '"';
  append_clean(out, text, Escaping::json, counts);
  out += '"';
}

void append_json_side(std::string& out, const std::string& language, const Segment& segment,
                      SentenceRange sentences, CleanupCounts& counts) {
  out += ',';
  append_json_string(out, language, counts);
  out += ':';
  append_json_string(out, segment.text, counts);
  out += ',';
  append_json_string(out, language + "_source", counts);
  out += fmt::format(":[{},{}],", segment.source.begin, segment.source.end);
  append_json_string(out, language + "_sentences", counts);
  out += ':';
  out += format_first_count(sentences);
}

}  // namespace

std::size_t append_tsv(std::string& out, const AlignedDocument& document, const FormatOptions& options,
                       CleanupCounts& counts) {
  std::size_t written = 0;
  for (const AlignedPair& pair : document.pairs) {
    if (pair.link.confidence < options.min_confidence) continue;
    append_clean(out, pair.first.text, Escaping::line, counts);
    out += '\t';
    append_clean(out, pair.second.text, Escaping::line, counts);
    out += '\n';
    ++written;
  }
  return written;
}

std::size_t append_jsonl(std::string& out, const AlignedDocument& document, const FormatOptions& options,
                         CleanupCounts& counts) {
  std::size_t written = 0;
  for (const AlignedPair& pair : document.pairs) {
    if (pair.link.confidence < options.min_confidence) continue;
    out += "{\"document\":";
    append_json_string(out, document.id, counts);
    out += ",\"link\":";
    append_json_string(out, to_string(pair.link.type()), counts);
    out += fmt::format(",\"cost\":{},\"confidence\":{}", json_number(pair.link.cost),
                       json_number(pair.link.confidence));
    append_json_side(out, document.first_language, pair.first, pair.link.first, counts);
    append_json_side(out, document.second_language, pair.second, pair.link.second, counts);
    out += "}\n";
    ++written;
  }
  return written;
}

std::size_t append_moses(std::string& first_out, std::string& second_out, const AlignedDocument& document,
                         const FormatOptions& options, CleanupCounts& counts) {
  std::size_t written = 0;
  for (const AlignedPair& pair : document.pairs) {
    if (pair.link.confidence < options.min_confidence) continue;
    append_clean(first_out, pair.first.text, Escaping::line, counts);
    first_out += '\n';
    append_clean(second_out, pair.second.text, Escaping::line, counts);
    second_out += '\n';
    ++written;
  }
  return written;
}

}  // namespace untm::format
