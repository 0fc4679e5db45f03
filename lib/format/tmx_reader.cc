#include "format/tmx_reader.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <charconv>
#include <cstdlib>

#include "core/error.h"

namespace untm::format {

namespace {

void throw_if_failed(const pugi::xml_parse_result& result, const std::string& source_name) {
  if (!result) {
    throw InputError(source_name, fmt::format("malformed TMX: {}", result.description()),
                     static_cast<std::uint64_t>(result.offset));
  }
}

// x-source's "begin-end" byte span; false when it is not two numbers.
bool parse_span(std::string_view text, std::size_t& low, std::size_t& high) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return false;
  const char* begin = text.data();
  const char* middle = begin + dash;
  const char* end = begin + text.size();
  return std::from_chars(begin, middle, low).ptr == middle && std::from_chars(middle + 1, end, high).ptr == end;
}

double parse_number(const char* text) {
  char* end = nullptr;
  const double value = std::strtod(text, &end);
  return end == text ? 0.0 : value;
}

void read_tuv(const pugi::xml_node& tuv, Segment& segment, SentenceRange& sentences) {
  segment.text = tuv.child("seg").text().get();
  for (const auto& prop : tuv.children("prop")) {
    const std::string_view type = prop.attribute("type").value();
    const std::string_view value = prop.text().get();
    if (type == "x-source") {
      parse_span(value, segment.source.begin, segment.source.end);
    } else if (type == "x-page") {
      std::from_chars(value.data(), value.data() + value.size(), segment.page);
    } else if (type == "x-sentences") {
      if (const auto range = parse_first_last(value)) sentences = *range;
    }
  }
}

}  // namespace

TmxHeader parse_tmx_header(std::string_view header_xml, const std::string& source_name) {
  std::string text(header_xml);
  if (text.find("</tmx>") == std::string::npos) text += "</body></tmx>";
  pugi::xml_document document;
  throw_if_failed(document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8),
                  source_name);
  const pugi::xml_node header = document.child("tmx").child("header");
  if (!header) throw InputError(source_name, "not a TMX file: no <tmx><header>");
  TmxHeader result;
  result.srclang = header.attribute("srclang").value();
  result.creation_date = header.attribute("creationdate").value();
  result.tool_version = header.attribute("creationtoolversion").value();
  result.adminlang = header.attribute("adminlang").value();
  for (const auto& prop : header.children("prop")) {
    if (std::string_view(prop.attribute("type").value()) == "x-filters") result.filters = prop.text().get();
  }
  return result;
}

AlignedDocument parse_tmx_units(std::string_view units_xml, const std::string& source_name,
                                const std::string& first_language, const std::string& second_language) {
  pugi::xml_document document;
  throw_if_failed(document.load_buffer(units_xml.data(), units_xml.size(),
                                       pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8),
                  source_name);
  AlignedDocument result;
  result.first_language = first_language;
  result.second_language = second_language;
  for (const auto& unit : document.children("tu")) {
    AlignedPair pair;
    for (const auto& prop : unit.children("prop")) {
      const std::string_view type = prop.attribute("type").value();
      const char* value = prop.text().get();
      if (type == "x-document") {
        if (result.id.empty()) result.id = value;
      } else if (type == "x-link") {
        // Sentence counts for sides without x-sentences; where they start is
        // not recorded, so such a range starts at 0.
        if (const auto link_type = parse_link_type(value)) {
          pair.link.first = {0, link_type->first_count};
          pair.link.second = {0, link_type->second_count};
        }
      } else if (type == "x-cost") {
        pair.link.cost = parse_number(value);
      } else if (type == "x-confidence") {
        pair.link.confidence = parse_number(value);
      } else if (type == "x-origin") {
        pair.origin = parse_origin(value).value_or(LinkOrigin::automatic);
      }
    }
    for (const auto& tuv : unit.children("tuv")) {
      const std::string_view language = tuv.attribute("xml:lang").value();
      if (language == first_language) {
        read_tuv(tuv, pair.first, pair.link.first);
      } else if (language == second_language) {
        read_tuv(tuv, pair.second, pair.link.second);
      }
    }
    result.pairs.push_back(std::move(pair));
  }
  return result;
}

}  // namespace untm::format
