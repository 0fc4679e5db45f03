#include "read/docx.h"

#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/error.h"
#include "read/docx_numbering.h"
#include "read/docx_styles.h"
#include "read/docx_symbols.h"
#include "read/ooxml.h"
#include "read/zip_package.h"

namespace untm::read {

namespace {

using ooxml::attribute;
using ooxml::child;
using ooxml::local_name;

// The parts of the package that reading uses, found through the package's
// relationships (OPC): the names below are only what Word calls them.
struct PartNames {
  std::string document = "word/document.xml";
  std::map<std::string, std::string, std::less<>> related;  // relationship type (last path step) -> part
};

std::string resolve_target(std::string_view base_folder, std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  return std::string(base_folder) + std::string(target);
}

std::map<std::string, std::string, std::less<>> relationships(const ZipPackage& package, std::string_view rels_part,
                                                              std::string_view base_folder) {
  std::map<std::string, std::string, std::less<>> targets;
  const auto xml = package.read(rels_part);
  if (!xml) return targets;
  pugi::xml_document document;
  ooxml::parse_part(document, *xml, rels_part, package.source_name());
  for (const auto& node : child(document, "Relationships").children()) {
    const std::string_view type = attribute(node, "Type").value();
    if (std::string_view(attribute(node, "TargetMode").value()) == "External") continue;
    const std::string_view kind = type.substr(type.rfind('/') + 1);
    targets.try_emplace(std::string(kind), resolve_target(base_folder, attribute(node, "Target").value()));
  }
  return targets;
}

PartNames find_parts(const ZipPackage& package) {
  PartNames names;
  const auto package_targets = relationships(package, "_rels/.rels", "");
  if (const auto found = package_targets.find("officeDocument"); found != package_targets.end()) {
    names.document = found->second;
  }
  const auto slash = names.document.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : names.document.substr(0, slash + 1);
  const std::string file = names.document.substr(folder.size());
  names.related = relationships(package, folder + "_rels/" + file + ".rels", folder);
  return names;
}

// A part the document refers to; an absent one reads as an empty document.
pugi::xml_document related_part(const ZipPackage& package, const PartNames& names, std::string_view kind) {
  pugi::xml_document document;
  const auto name = names.related.find(kind);
  if (name == names.related.end()) return document;
  if (const auto xml = package.read(name->second)) {
    ooxml::parse_part(document, *xml, name->second, package.source_name());
  }
  return document;
}


// Text as shown: runs of spaces are one space, and lines (w:br) are trimmed.
std::string tidy(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (out.empty() || out.back() == '\n') continue;
    }
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

// Walks the stories of a document (body, footnotes, endnotes) and collects
// their blocks, in order.
class DocxWalker {
 public:
  DocxWalker(const DocxStyles& styles, DocxNumbering& numbering, const std::string& source_name)
      : styles_(styles), numbering_(numbering), source_name_(source_name) {}

  void story(const pugi::xml_node& container, BlockKind kind) {
    fields_.clear();
    fields_in_code_ = 0;
    carried_.clear();
    walk_container(container, kind, 0);
  }
  // Footnotes or endnotes (`note` is "footnote" or "endnote"): those the body
  // refers to in that order, then any others in file order.
  void notes(const pugi::xml_document& part, std::string_view note) {
    const auto& order = note == "footnote" ? footnote_references_ : endnote_references_;
    std::map<std::string, pugi::xml_node, std::less<>> by_id;
    std::vector<std::string> file_order;
    for (const auto& node : child(part, std::string(note) + "s").children()) {
      const std::string_view type = attribute(node, "type").value();
      if (local_name(node) != note || !(type.empty() || type == "normal")) continue;
      if (by_id.try_emplace(attribute(node, "id").value(), node).second) file_order.emplace_back(attribute(node, "id").value());
    }
    std::set<std::string, std::less<>> done;
    for (const auto& ids : {order, file_order}) {
      for (const auto& id : ids) {
        const auto found = by_id.find(id);
        if (found != by_id.end() && done.insert(id).second) story(found->second, BlockKind::footnote);
      }
    }
  }
  std::vector<Block> take_blocks() { return std::move(blocks_); }

 private:
  void check_depth(int depth) const {
    if (depth > ooxml::max_depth) {
      throw InputError(source_name_, fmt::format("the DOCX nests elements more than {} deep: damaged", ooxml::max_depth));
    }
  }

  void walk_container(const pugi::xml_node& container, BlockKind kind, int depth) {
    check_depth(depth);
    for (const auto& node : container.children()) {
      const std::string_view name = local_name(node);
      if (name == "p") {
        paragraph(node, kind, depth + 1);
      } else if (name == "tbl") {
        table(node, depth + 1);
      } else if (name == "sdt") {
        walk_container(child(node, "sdtContent"), kind, depth + 1);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        walk_container(node, kind, depth + 1);
      }
    }
  }

  void table(const pugi::xml_node& container, int depth) {
    check_depth(depth);
    for (const auto& node : container.children()) {
      const std::string_view name = local_name(node);
      if (name == "tc") {
        walk_container(node, BlockKind::table_cell, depth + 1);
      } else if (name == "tr") {
        // A row deleted with tracked changes on is gone once they are accepted.
        if (!child(child(node, "trPr"), "del")) table(node, depth + 1);
      } else if (name == "sdt") {
        table(child(node, "sdtContent"), depth + 1);
      } else if (name == "customXml") {
        table(node, depth + 1);
      }
    }
  }

  void paragraph(const pugi::xml_node& node, BlockKind kind, int depth) {
    const std::uint32_t index = carried_.empty() ? paragraph_index_ : carried_index_;
    ++paragraph_index_;
    const pugi::xml_node properties = child(node, "pPr");
    std::string text = std::move(carried_);
    carried_.clear();
    inline_content(node, text, depth + 1);
    // A deleted paragraph mark joins this paragraph to the next one.
    if (child(child(properties, "rPr"), "del")) {
      carried_ = text.empty() ? std::string() : text + ' ';
      carried_index_ = index;
      return;
    }
    const std::string_view style = ooxml::child_value(properties, "pStyle");
    const auto list = list_of(properties, style);
    const std::string label = list ? numbering_.next_label(*list) : std::string();
    text = tidy(text);
    if (text.empty()) return;
    blocks_.push_back({tidy(label + text), kind == BlockKind::body && is_heading(properties, style) ? BlockKind::heading : kind,
                       0, index, {}});
  }

  bool is_heading(const pugi::xml_node& properties, std::string_view style) const {
    if (child(properties, "outlineLvl")) return ooxml::child_number(properties, "outlineLvl", 9) < 9;
    return styles_.is_heading(style);
  }

  // The paragraph's own w:numPr wins over its style's; w:numId 0 removes numbering.
  std::optional<ListReference> list_of(const pugi::xml_node& properties, std::string_view style) const {
    const auto from_style = styles_.list(style);
    const pugi::xml_node numbering = child(properties, "numPr");
    if (!numbering) return from_style;
    ListReference reference = from_style.value_or(ListReference{});
    if (child(numbering, "numId")) reference.list = ooxml::child_number(numbering, "numId", 0);
    if (child(numbering, "ilvl")) reference.level = ooxml::child_number(numbering, "ilvl", 0);
    if (reference.list == 0) return std::nullopt;
    return reference;
  }

  void inline_content(const pugi::xml_node& container, std::string& out, int depth) {
    check_depth(depth);
    for (const auto& node : container.children()) {
      const std::string_view name = local_name(node);
      if (name == "r") {
        run(node, out);
      } else if (name == "ins" || name == "moveTo" || name == "hyperlink" || name == "smartTag" ||
                 name == "customXml" || name == "fldSimple" || name == "bdo" || name == "dir") {
        inline_content(node, out, depth + 1);
      } else if (name == "sdt") {
        inline_content(child(node, "sdtContent"), out, depth + 1);
      } else if (name == "ruby") {
        inline_content(child(node, "rubyBase"), out, depth + 1);
      } else if (name == "oMath" || name == "oMathPara") {
        math_text(node, out, depth + 1);
      }
    }
  }

  void math_text(const pugi::xml_node& container, std::string& out, int depth) {
    check_depth(depth);
    for (const auto& node : container.children()) {
      if (local_name(node) == "t") {
        out += node.child_value();
      } else {
        math_text(node, out, depth + 1);
      }
    }
  }

  void run(const pugi::xml_node& node, std::string& out) {
    const bool hidden = ooxml::property_on(child(node, "rPr"), "vanish");
    for (const auto& item : node.children()) {
      const std::string_view name = local_name(item);
      if (name == "fldChar") {
        field_char(item);
      } else if (name == "footnoteReference") {
        footnote_references_.emplace_back(attribute(item, "id").value());
      } else if (name == "endnoteReference") {
        endnote_references_.emplace_back(attribute(item, "id").value());
      } else if (!hidden && showing()) {
        run_item(item, name, out);
      }
    }
  }

  static void run_item(const pugi::xml_node& item, std::string_view name, std::string& out) {
    if (name == "t") {
      out += item.child_value();
    } else if (name == "tab" || name == "ptab") {
      out += ' ';
    } else if (name == "br" || name == "cr") {
      out += '\n';
    } else if (name == "noBreakHyphen") {
      out += '-';
    } else if (name == "sym") {
      out += symbol_text(attribute(item, "char").value(), attribute(item, "font").value());
    }
  }

  // Complex fields (w:fldChar begin, code, separate, result, end) nest; text
  // shows only where every open field is in its result.
  void field_char(const pugi::xml_node& node) {
    const std::string_view type = attribute(node, "fldCharType").value();
    if (type == "begin") {
      fields_.push_back(false);
      ++fields_in_code_;
    } else if (type == "separate" && !fields_.empty() && !fields_.back()) {
      fields_.back() = true;
      --fields_in_code_;
    } else if (type == "end" && !fields_.empty()) {
      if (!fields_.back()) --fields_in_code_;
      fields_.pop_back();
    }
  }
  bool showing() const { return fields_in_code_ == 0; }

  const DocxStyles& styles_;
  DocxNumbering& numbering_;
  const std::string& source_name_;
  std::vector<bool> fields_;  // per open field: has its result begun
  std::size_t fields_in_code_ = 0;  // open fields whose result has not begun
  std::vector<Block> blocks_;
  std::uint32_t paragraph_index_ = 0;
  std::string carried_;  // text before a deleted paragraph mark
  std::uint32_t carried_index_ = 0;
  std::vector<std::string> footnote_references_;
  std::vector<std::string> endnote_references_;
};

pugi::xml_node main_body(const ZipPackage& package, const PartNames& names, pugi::xml_document& document) {
  const auto xml = package.read(names.document);
  if (!xml) {
    // OpenDocument files name their type in a first part, "mimetype".
    const auto mimetype = package.read("mimetype");
    const bool open_document = mimetype && mimetype->starts_with("application/vnd.oasis.opendocument");
    throw InputError(package.source_name(),
                     fmt::format("a ZIP package without {}: not a Word document (DOCX){}", names.document,
                                 open_document ? "; it is an OpenDocument file: save it as .docx" : ""));
  }
  ooxml::parse_part(document, *xml, names.document, package.source_name());
  const pugi::xml_node body = child(child(document, "document"), "body");
  if (!body) {
    throw InputError(package.source_name(),
                     fmt::format("{} holds no w:document/w:body: not a Word document (DOCX)", names.document));
  }
  return body;
}

}  // namespace

std::vector<Block> read_docx(std::string_view bytes, const std::string& source_name) {
  const ZipPackage package(bytes, source_name);
  const PartNames names = find_parts(package);
  pugi::xml_document document;
  const pugi::xml_node body = main_body(package, names, document);
  const DocxStyles styles(related_part(package, names, "styles"));
  DocxNumbering numbering(related_part(package, names, "numbering"));
  DocxWalker walker(styles, numbering, source_name);
  walker.story(body, BlockKind::body);
  walker.notes(related_part(package, names, "footnotes"), "footnote");
  walker.notes(related_part(package, names, "endnotes"), "endnote");
  return walker.take_blocks();
}

}  // namespace untm::read
