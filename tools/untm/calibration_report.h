#pragma once
// Confidences against gold for `untm eval --calibration` and `untm bench
// calibration`: the links of a bundle (with their x-confidence) judged
// against a gold folder, and the reliability table printed or in JSON.

#include <filesystem>
#include <string>
#include <vector>

#include "eval/calibration.h"

namespace untm::cli {

// GOLD_DIR's NAME.align files, sorted; throws InputError when there is none.
std::vector<std::filesystem::path> gold_link_files(const std::string& gold_dir);

struct JudgedDocument {
  std::string name;  // the gold file's stem, which is the bundle document's id
  std::vector<JudgedLink> links;
};

// Every GOLD_DIR/NAME.align judged against bundle document NAME. Throws
// InputError for a gold document the bundle does not hold.
std::vector<JudgedDocument> judge_bundle(const std::string& gold_dir, const std::string& bundle_path);

std::vector<JudgedLink> all_links(const std::vector<JudgedDocument>& documents);

// "bin  links  mean confidence  precision" rows, then the ECE line.
std::string reliability_table(const Reliability& table);
// {"links": N, "ece": x, "bins": [{"low": .., "high": .., "count": .., "mean_confidence": .., "precision": ..}]}
std::string reliability_json(const Reliability& table);

}  // namespace untm::cli
