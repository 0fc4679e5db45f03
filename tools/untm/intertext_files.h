#pragma once
// `untm align --intertext PREFIX` and `--links FILE.xml`: a pair as InterText
// opens it (lib/format/intertext.h, docs/links.md "InterText"). The file
// names follow InterText's own export: PREFIX.zh.xml and PREFIX.en.xml, the
// documents, and PREFIX.zh.en.alignment.xml, the links between them.

#include <string>

#include "core/types.h"
#include "file_io.h"
#include "pipeline/document.h"

namespace untm::cli {

// Whether --links FILE asks for InterText XML (by its extension).
bool is_intertext_links_path(const std::string& path);

// Declares the files --intertext PREFIX writes for a pair in these
// languages; `either_order` when the run may find the pair the other way
// round (the alignment file's name follows the order found).
void declare_intertext_outputs(RunFiles& files, const std::string& prefix, const std::string& first_code,
                               const std::string& second_code, bool either_order);

// The InterText alignment file of `document` (a --links FILE.xml), naming
// the document files "NAME.<language>.xml".
std::string intertext_links_text(const AlignedDocument& document, const pipeline::SplitPair& split,
                                 const std::string& name);

// Writes the two documents and the alignment file under `prefix`; their
// names inside the alignment file are relative to its folder.
void write_intertext_files(const std::string& prefix, const AlignedDocument& document,
                           const pipeline::SplitPair& split);

}  // namespace untm::cli
