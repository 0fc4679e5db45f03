#pragma once
// The list of document pairs a batch aligns, and the manifest file that
// states it: one pair per line, `id<TAB>zh path<TAB>en path`, `#` comments and
// blank lines ignored. Paths stay as written; the tool resolves relative ones
// against the manifest's folder (lib/ never touches files).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace untm::batch {

struct DocumentPair {
  std::string id;       // becomes the document id in the bundle (UN symbol or file stem)
  // The first document is the side links and outputs name first (untm
  // align's --src-lang side); a batch aligns Chinese (the manifest's second
  // column) to English (the third).
  std::string first_path;
  std::string second_path;
  friend bool operator==(const DocumentPair&, const DocumentPair&) = default;
};

// Parses a manifest. Throws InputError naming `source_name`, the line and its
// byte offset for a line without exactly three non-empty tab-separated fields
// and for an id used twice (ids name documents in the bundle, so they must be
// unique). A UTF-8 byte order mark and CRLF line ends are accepted.
std::vector<DocumentPair> parse_manifest(std::string_view text, const std::string& source_name);

}  // namespace untm::batch
