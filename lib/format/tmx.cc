#include "format/tmx.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>

#include "core/error.h"

namespace untm::format {

namespace {

void append_attribute_text(std::string& out, std::string_view text, CleanupCounts& counts) {
  append_clean(out, text, Escaping::xml, counts);
}

void append_prop(std::string& out, std::string_view type, std::string_view value, CleanupCounts& counts) {
  out += "<prop type=\"";
  out += type;
  out += "\">";
  append_clean(out, value, Escaping::xml, counts);
  out += "</prop>";
}

void append_tuv(std::string& out, std::string_view language, const Segment& segment, SentenceRange sentences,
                CleanupCounts& counts) {
  out += "    <tuv xml:lang=\"";
  append_attribute_text(out, language, counts);
  out += "\">";
  append_prop(out, "x-source", fmt::format("{}-{}", segment.source.begin, segment.source.end), counts);
  // Only PDF sentences know their page; other inputs keep their bytes as before.
  if (segment.page != 0) append_prop(out, "x-page", fmt::format("{}", segment.page), counts);
  if (!sentences.empty()) append_prop(out, "x-sentences", format_first_last(sentences), counts);
  out += "<seg>";
  append_clean(out, segment.text, Escaping::xml, counts);
  out += "</seg></tuv>\n";
}

// A side of a pair is written as a <tuv> unless it has neither sentences nor text.
bool has_tuv(const Segment& segment, SentenceRange sentences) { return !sentences.empty() || !segment.text.empty(); }

bool is_alphanumeric(std::string_view text, bool letters_only) {
  return std::all_of(text.begin(), text.end(), [letters_only](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return letters_only ? std::isalpha(byte) != 0 : std::isalnum(byte) != 0;
  });
}

}  // namespace

std::string tmx_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec);
}

bool is_tmx_date(std::string_view text) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return false;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i == 8) continue;
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  // A date that is not on the calendar (month 13, 30 February, 25:00) is as
  // wrong for a TMX reader as one of the wrong shape.
  const auto digits = [text](std::size_t begin, std::size_t count) {
    unsigned value = 0;
    for (std::size_t i = begin; i < begin + count; ++i) value = value * 10 + static_cast<unsigned>(text[i] - '0');
    return value;
  };
  const std::chrono::year_month_day day{std::chrono::year{static_cast<int>(digits(0, 4))},
                                        std::chrono::month{digits(4, 2)}, std::chrono::day{digits(6, 2)}};
  return day.ok() && digits(9, 2) < 24 && digits(11, 2) < 60 && digits(13, 2) < 60;
}

TmxHeader with_creation_date(TmxHeader header) {
  if (header.creation_date.empty()) header.creation_date = tmx_date(std::chrono::system_clock::now());
  return header;
}

std::string render_tmx_header(const TmxHeader& header) {
  if (!is_tmx_date(header.creation_date)) {
    throw InputError("TMX header", fmt::format("creation date '{}' is not of the form YYYYMMDDThhmmssZ",
                                               header.creation_date));
  }
  if (header.srclang.empty()) throw InputError("TMX header", "empty srclang");
  CleanupCounts ignored;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n";
  out += "<header creationtool=\"untm\" creationtoolversion=\"";
  append_attribute_text(out, header.tool_version, ignored);
  out += "\" segtype=\"sentence\" o-tmf=\"untm\" adminlang=\"";
  append_attribute_text(out, header.adminlang, ignored);
  out += "\" srclang=\"";
  append_attribute_text(out, header.srclang, ignored);
  out += "\" datatype=\"plaintext\" creationdate=\"";
  out += header.creation_date;
  if (header.filters.empty()) {
    out += "\"/>\n<body>\n";
    return out;
  }
  out += "\">\n  ";
  append_prop(out, "x-filters", header.filters, ignored);
  out += "\n</header>\n<body>\n";
  return out;
}

bool is_language_tag(std::string_view tag) {
  // Subtags of 1-8 letters or digits joined by '-'; the first is 2-8 letters
  // (a language) or the private-use "x"; "i-" grandfathered tags are old.
  std::size_t index = 0;
  while (!tag.empty()) {
    const std::size_t end = std::min(tag.find('-'), tag.size());
    const std::string_view subtag = tag.substr(0, end);
    if (subtag.empty() || subtag.size() > 8 || !is_alphanumeric(subtag, index == 0)) return false;
    const bool private_use = (subtag == "x" || subtag == "X") && end < tag.size();
    if (index == 0 && subtag.size() < 2 && !private_use) return false;
    if (end == tag.size()) return true;
    tag.remove_prefix(end + 1);
    if (tag.empty()) return false;  // a trailing '-'
    ++index;
  }
  return false;
}

std::string_view tmx_footer() { return "</body>\n</tmx>\n"; }

std::size_t append_tmx_units(std::string& out, const AlignedDocument& document, const TmxHeader& header,
                             const FormatOptions& options, CleanupCounts& counts) {
  // The source language's <tuv> comes first; when srclang is neither side
  // (e.g. "*all*"), the first input's does.
  const bool second_first = header.srclang == document.second_language;
  std::size_t written = 0;
  for (std::size_t i = 0; i < document.pairs.size(); ++i) {
    const AlignedPair& pair = document.pairs[i];
    if (!options.selection.keeps(pair)) continue;
    const bool null_link = !has_tuv(pair.first, pair.link.first) || !has_tuv(pair.second, pair.link.second);
    if (null_link && !options.keep_null_links) continue;
    out += "<tu tuid=\"";
    append_attribute_text(out, document.id, counts);
    out += fmt::format(":{}\" creationdate=\"{}\">\n    ", i + 1, header.creation_date);
    append_prop(out, "x-document", document.id, counts);
    out += "\n    ";
    append_prop(out, "x-link", to_string(pair.link.type()), counts);
    out += "\n    ";
    append_prop(out, "x-cost", fmt::format("{:.4f}", pair.link.cost), counts);
    out += "\n    ";
    append_prop(out, "x-confidence", fmt::format("{:.4f}", pair.link.confidence), counts);
    out += "\n    ";
    append_prop(out, "x-origin", origin_name(pair.origin), counts);
    out += "\n";
    const auto append_side = [&](const Segment& segment, SentenceRange sentences, const std::string& language) {
      if (has_tuv(segment, sentences)) append_tuv(out, language, segment, sentences, counts);
    };
    if (second_first) {
      append_side(pair.second, pair.link.second, document.second_language);
      append_side(pair.first, pair.link.first, document.first_language);
    } else {
      append_side(pair.first, pair.link.first, document.first_language);
      append_side(pair.second, pair.link.second, document.second_language);
    }
    out += "</tu>\n";
    ++written;
  }
  return written;
}

std::string render_tmx(const AlignedDocument& document, const TmxHeader& header, const FormatOptions& options,
                       CleanupCounts& counts) {
  std::string out = render_tmx_header(header);
  append_tmx_units(out, document, header, options, counts);
  out += tmx_footer();
  return out;
}

}  // namespace untm::format
