#include "format/intertext.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "core/error.h"

namespace untm::format {

namespace {

constexpr std::string_view kXmlDeclaration = "<?xml version='1.0' encoding='utf-8'?>\n";

void append_attribute(std::string& out, std::string_view name, std::string_view value, CleanupCounts& counts) {
  out += ' ';
  out += name;
  out += "=\"";
  append_clean(out, value, Escaping::xml, counts);
  out += '"';
}

// The ids of one side of a link, space-separated as xtargets lists them.
std::string joined_ids(const std::vector<std::string>& ids, SentenceRange range) {
  std::string out;
  for (std::size_t index = range.begin; index < range.end; ++index) {
    if (!out.empty()) out += ' ';
    out += ids.at(index);
  }
  return out;
}

bool is_digit(char character) { return character >= '0' && character <= '9'; }

// The part of an id InterText matches on import: its trailing number, or
// number, separator, number ("s2.3" -> "2:3"); nullopt without a trailing digit.
std::optional<std::string> id_key(std::string_view id) {
  std::size_t start = id.size();
  while (start > 0 && is_digit(id[start - 1])) --start;
  if (start == id.size()) return std::nullopt;
  const std::string last(id.substr(start));
  if (start < 2 || std::strchr(".:-_,", id[start - 1]) == nullptr || !is_digit(id[start - 2])) return last;
  std::size_t first = start - 1;
  while (first > 0 && is_digit(id[first - 1])) --first;
  return std::string(id.substr(first, start - 1 - first)) + ':' + last;
}

using IdIndex = std::unordered_map<std::string, std::size_t>;

IdIndex index_ids(const SplitDocument& document) {
  IdIndex index;
  const std::vector<std::string> ids = intertext_ids(document);
  for (std::size_t position = 0; position < ids.size(); ++position) index.emplace(ids[position], position);
  return index;
}

// Line numbers of byte offsets that only grow, counted once through the text.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::size_t line_of(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < counted_) {  // before the last one asked: count again from the start
      counted_ = 0;
      line_ = 1;
    }
    line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(counted_),
                                                 text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    counted_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t counted_ = 0;
  std::size_t line_ = 1;
};

// What a <link> element is read against: both sides' ids, which xtargets
// part is the first document, and where errors point.
struct LinkReader {
  const std::string& source_name;
  IdIndex first_ids;
  IdIndex second_ids;
  bool first_is_to_doc = false;  // xtargets lists toDoc first

  std::size_t line = 0;
  std::size_t offset = 0;

  [[noreturn]] void refuse(const std::string& why) const {
    throw InputError(source_name, fmt::format("line {}: {}", line, why), offset);
  }

  // One side's space-separated ids as consecutive sentences.
  SentenceRange side(std::string_view ids, const IdIndex& index, const char* document) const {
    std::optional<SentenceRange> range;
    for (std::size_t at = 0; at < ids.size();) {
      const std::size_t end = std::min(ids.find_first_of(" \t\r\n", at), ids.size());
      const std::string_view id = ids.substr(at, end - at);
      at = end + 1;
      if (id.empty()) continue;
      const std::optional<std::string> key = id_key(id);
      const auto found = key ? index.find(*key) : index.end();
      if (found == index.end()) refuse(fmt::format("no sentence '{}' in the {} document", id, document));
      if (range && found->second != range->end) refuse("the sentences of a link must be consecutive");
      if (!range) range = SentenceRange{found->second, found->second};
      range->end = found->second + 1;
    }
    return range.value_or(SentenceRange{});
  }

  FileLink read(const pugi::xml_node& link) const {
    const std::string_view xtargets = link.attribute("xtargets").value();
    const std::size_t semicolon = xtargets.find(';');
    if (semicolon == std::string_view::npos || xtargets.find(';', semicolon + 1) != std::string_view::npos) {
      refuse(fmt::format("xtargets '{}' is not two id lists separated by ';'", xtargets));
    }
    const std::string_view to_doc = xtargets.substr(0, semicolon);
    const std::string_view from_doc = xtargets.substr(semicolon + 1);
    FileLink result;
    result.link.first = side(first_is_to_doc ? to_doc : from_doc, first_ids, "first");
    result.link.second = side(first_is_to_doc ? from_doc : to_doc, second_ids, "second");
    result.marks.checked = std::string_view(link.attribute("status").value()) == "man";
    result.line_number = line;
    result.offset = offset;
    return result;
  }
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The one <linkGrp> of the file.
pugi::xml_node link_group(const pugi::xml_document& document, const std::string& source_name) {
  const pugi::xpath_node_set groups = document.select_nodes("//linkGrp");
  if (groups.size() != 1) {
    throw InputError(source_name,
                     groups.empty() ? std::string("no <linkGrp> element: not an InterText alignment file")
                                    : fmt::format("{} <linkGrp> elements: one document pair per file", groups.size()));
  }
  return groups.first().node();
}

}  // namespace

std::vector<std::string> intertext_ids(const SplitDocument& document) {
  std::vector<std::string> ids;
  std::size_t paragraph_number = 0;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.sentences.empty()) continue;
    ++paragraph_number;
    for (std::size_t sentence = 1; sentence <= paragraph.sentences.size(); ++sentence) {
      ids.push_back(fmt::format("{}:{}", paragraph_number, sentence));
    }
  }
  return ids;
}

std::string render_intertext_document(const SplitDocument& document, const std::string& id, CleanupCounts& counts) {
  std::string out(kXmlDeclaration);
  out += "<doc";
  append_attribute(out, "id", id, counts);
  append_attribute(out, "language", language_code(document.language), counts);
  out += ">\n";
  std::size_t paragraph_number = 0;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.sentences.empty()) continue;
    ++paragraph_number;
    out += fmt::format("<p id=\"{}\">\n", paragraph_number);
    for (std::size_t sentence = 0; sentence < paragraph.sentences.size(); ++sentence) {
      out += fmt::format("<s id=\"{}:{}\">", paragraph_number, sentence + 1);
      append_clean(out, paragraph.sentences[sentence].text, Escaping::xml, counts);
      out += "</s>\n";
    }
    out += "</p>\n";
  }
  out += "</doc>\n";
  return out;
}

std::string intertext_document_name(std::string_view name, std::string_view language) {
  return fmt::format("{}.{}.xml", name, language);
}

std::string render_intertext_links(const AlignedDocument& document, const SplitDocument& first,
                                   const SplitDocument& second, const IntertextDocNames& names) {
  const std::vector<std::string> first_ids = intertext_ids(first);
  const std::vector<std::string> second_ids = intertext_ids(second);
  CleanupCounts counts;  // file names: nothing a document's text brings in
  std::string out(kXmlDeclaration);
  out += "<linkGrp";
  append_attribute(out, "toDoc", names.second, counts);
  append_attribute(out, "fromDoc", names.first, counts);
  out += ">\n";
  for (const AlignedPair& pair : document.pairs) {
    const Link& link = pair.link;
    // InterText's order: the toDoc (second) side first, in type and xtargets.
    out += fmt::format("<link type=\"{}-{}\" xtargets=\"{};{}\" status=\"{}\"/>\n", link.second.size(),
                       link.first.size(), joined_ids(second_ids, link.second), joined_ids(first_ids, link.first),
                       pair.origin == LinkOrigin::manual ? "man" : "auto");
  }
  out += "</linkGrp>\n";
  return out;
}

bool is_intertext_links(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && text[start] == '<';
}

std::vector<FileLink> parse_intertext_links(std::string_view text, const std::string& source_name,
                                            const SplitDocument& first, const SplitDocument& second) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  LineCounter lines(text);
  if (!parsed) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    throw InputError(source_name, fmt::format("line {}: malformed XML: {}", lines.line_of(offset), parsed.description()),
                     offset);
  }
  const pugi::xml_node group = link_group(document, source_name);
  LinkReader reader{source_name, index_ids(first), index_ids(second)};
  // fromDoc is the first document unless the file names say otherwise.
  const std::string first_suffix = fmt::format(".{}.xml", language_code(first.language));
  const std::string second_suffix = fmt::format(".{}.xml", language_code(second.language));
  reader.first_is_to_doc = first_suffix != second_suffix &&
                           ends_with(group.attribute("fromDoc").value(), second_suffix) &&
                           ends_with(group.attribute("toDoc").value(), first_suffix);
  std::vector<FileLink> links;
  for (const pugi::xml_node& link : group.children("link")) {
    reader.offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(link.offset_debug(), 0));
    reader.line = lines.line_of(reader.offset);
    links.push_back(reader.read(link));
  }
  return links;
}

}  // namespace untm::format
