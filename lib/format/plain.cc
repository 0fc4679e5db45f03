#include "format/plain.h"

#include "core/json.h"

namespace untm::format {

namespace {

// The text of a string field, cleaned as in every other format.
void append_clean_json_string(JsonWriter& json, std::string_view text, CleanupCounts& counts) {
  std::string clean;
  append_clean(clean, text, Escaping::none, counts);
  json.string(clean);
}

void append_json_side(JsonWriter& json, const std::string& language, const Segment& segment,
                      SentenceRange sentences, CleanupCounts& counts) {
  json.key(language);
  append_clean_json_string(json, segment.text, counts);
  json.key(language + "_source").begin_array().number(std::uint64_t{segment.source.begin});
  json.number(std::uint64_t{segment.source.end}).end_array();
  // Only PDF sentences know their page; other inputs keep their bytes as before.
  if (segment.page != 0) json.key(language + "_page").number(std::uint64_t{segment.page});
  json.key(language + "_sentences").raw(format_first_count(sentences));
}

}  // namespace

std::size_t append_tsv(std::string& out, const AlignedDocument& document, const FormatOptions& options,
                       CleanupCounts& counts) {
  std::size_t written = 0;
  for (const AlignedPair& pair : document.pairs) {
    if (!options.selection.keeps(pair)) continue;
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
    if (!options.selection.keeps(pair)) continue;
    JsonWriter json(out);
    json.begin_object().key("document");
    append_clean_json_string(json, document.id, counts);
    json.key("link");
    append_clean_json_string(json, to_string(pair.link.type()), counts);
    json.key("cost").number(pair.link.cost, 4).key("confidence").number(pair.link.confidence, 4);
    json.key("origin").string(origin_name(pair.origin));
    append_json_side(json, document.first_language, pair.first, pair.link.first, counts);
    append_json_side(json, document.second_language, pair.second, pair.link.second, counts);
    json.end_object();
    out += '\n';
    ++written;
  }
  return written;
}

std::size_t append_moses(std::string& first_out, std::string& second_out, const AlignedDocument& document,
                         const FormatOptions& options, CleanupCounts& counts) {
  std::size_t written = 0;
  for (const AlignedPair& pair : document.pairs) {
    if (!options.selection.keeps(pair)) continue;
    append_clean(first_out, pair.first.text, Escaping::line, counts);
    first_out += '\n';
    append_clean(second_out, pair.second.text, Escaping::line, counts);
    second_out += '\n';
    ++written;
  }
  return written;
}

}  // namespace untm::format
