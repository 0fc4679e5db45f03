#include "intertext_files.h"

#include <filesystem>

#include "format/intertext.h"

namespace untm::cli {
namespace {

std::string alignment_path(const std::string& prefix, const std::string& first_code,
                           const std::string& second_code) {
  return prefix + '.' + first_code + '.' + second_code + ".alignment.xml";
}

}  // namespace

bool is_intertext_links_path(const std::string& path) { return std::filesystem::path(path).extension() == ".xml"; }

void declare_intertext_outputs(RunFiles& files, const std::string& prefix, const std::string& first_code,
                               const std::string& second_code, bool either_order) {
  if (prefix.empty()) return;
  files.output("--intertext", format::intertext_document_name(prefix, first_code));
  files.output("--intertext", format::intertext_document_name(prefix, second_code));
  files.output("--intertext", alignment_path(prefix, first_code, second_code));
  if (either_order) files.output("--intertext", alignment_path(prefix, second_code, first_code));
}

std::string intertext_links_text(const AlignedDocument& document, const pipeline::SplitPair& split,
                                 const std::string& name) {
  const format::IntertextDocNames names{format::intertext_document_name(name, document.first_language),
                                        format::intertext_document_name(name, document.second_language)};
  return format::render_intertext_links(document, split.first, split.second, names);
}

void write_intertext_files(const std::string& prefix, const AlignedDocument& document,
                           const pipeline::SplitPair& split) {
  format::CleanupCounts counts;
  write_file(format::intertext_document_name(prefix, document.first_language),
             format::render_intertext_document(split.first, document.id, counts));
  write_file(format::intertext_document_name(prefix, document.second_language),
             format::render_intertext_document(split.second, document.id, counts));
  const std::string name = std::filesystem::path(prefix).filename().string();
  write_file(alignment_path(prefix, document.first_language, document.second_language),
             intertext_links_text(document, split, name));
}

}  // namespace untm::cli
