#pragma once
// Pairs the files of a folder into Chinese-English document pairs by their
// names, the way UN documents are distributed:
//   A_68_155-ZH.txt + A_68_155-EN.txt   (language tag before the extension)
//   report.zh + report.en, report.zh.txt + report.en.txt
//   zh/001 + en/001                     (language folders with equal names)
//   A_68_155-ZH.docx + A_68_155-EN.pdf  (.txt, .docx and .pdf alike)
// Language tags are matched case-insensitively. The id of a pair is its name
// without the language tag and a .txt/.docx/.pdf extension, prefixed by the folder it
// sits in (relative to the batch folder), so `sessions/68/A_68_155`.

#include <string>
#include <vector>

#include "batch/manifest.h"

namespace untm::batch {

struct UnpairedFile {
  std::string path;
  std::string reason;  // why it was left out, for the user
};

struct FolderPairing {
  std::vector<DocumentPair> pairs;       // sorted by id
  std::vector<UnpairedFile> unpaired;    // sorted by path
};

// `relative_paths`: the regular files under the batch folder, relative to it,
// with '/' separators. Hidden files (a component starting with '.') are
// ignored. Pure: looks at names only.
FolderPairing pair_files_by_name(const std::vector<std::string>& relative_paths);

}  // namespace untm::batch
