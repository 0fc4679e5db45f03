#include "calibration_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "bundle/reader.h"
#include "core/error.h"
#include "file_io.h"

namespace untm::cli {

namespace fs = std::filesystem;

std::vector<fs::path> gold_link_files(const std::string& gold_dir) {
  std::vector<fs::path> gold_files;
  for (const auto& entry : fs::directory_iterator(gold_dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".align") gold_files.push_back(entry.path());
  }
  std::sort(gold_files.begin(), gold_files.end());
  if (gold_files.empty()) throw InputError(gold_dir, "no .align files");
  return gold_files;
}

std::vector<JudgedDocument> judge_bundle(const std::string& gold_dir, const std::string& bundle_path) {
  std::ifstream stream(bundle_path, std::ios::binary);
  if (!stream || fs::is_directory(bundle_path)) throw InputError(bundle_path, "cannot open the bundle");
  bundle::BundleReader reader(stream, bundle_path);
  std::vector<JudgedDocument> judged;
  for (const fs::path& gold_path : gold_link_files(gold_dir)) {
    const std::string name = gold_path.stem().string();
    const bundle::IndexEntry* entry = reader.find(name);
    if (entry == nullptr) throw InputError(bundle_path, fmt::format("no document '{}' (the gold folder has it)", name));
    const AlignedDocument document = reader.document(*entry);
    std::vector<LinkIndices> test;
    std::vector<double> confidences;
    for (const AlignedPair& pair : document.pairs) {
      test.push_back(indices_of(pair.link));
      confidences.push_back(pair.link.confidence);
    }
    const auto gold = parse_link_indices(read_file(gold_path.string()), gold_path.string());
    judged.push_back({name, judge_links(gold, test, confidences)});
  }
  return judged;
}

std::vector<JudgedLink> all_links(const std::vector<JudgedDocument>& documents) {
  std::vector<JudgedLink> links;
  for (const JudgedDocument& document : documents) links.insert(links.end(), document.links.begin(), document.links.end());
  return links;
}

std::string reliability_table(const Reliability& table) {
  std::string out = fmt::format("{:<11} {:>7} {:>10} {:>10}\n", "confidence", "links", "mean conf", "precision");
  for (const ReliabilityBin& bin : table.bins) {
    if (bin.count == 0) {
      out += fmt::format("{:.1f}-{:.1f}    {:>7} {:>10} {:>10}\n", bin.low, bin.high, 0, "-", "-");
      continue;
    }
    out += fmt::format("{:.1f}-{:.1f}    {:>7} {:>10.4f} {:>10.4f}\n", bin.low, bin.high, bin.count,
                       bin.mean_confidence, bin.precision);
  }
  return out + fmt::format("ECE ({} bins, {} links): {:.4f}\n", table.bins.size(), table.links,
                           table.expected_calibration_error);
}

std::string reliability_json(const Reliability& table) {
  std::string out = fmt::format("{{\"links\": {}, \"ece\": {:.4f}, \"bins\": [", table.links,
                                table.expected_calibration_error);
  for (std::size_t b = 0; b < table.bins.size(); ++b) {
    const ReliabilityBin& bin = table.bins[b];
    out += fmt::format("{}{{\"low\": {:.1f}, \"high\": {:.1f}, \"count\": {}, \"mean_confidence\": {:.4f}, "
                       "\"precision\": {:.4f}}}",
                       b == 0 ? "" : ", ", bin.low, bin.high, bin.count, bin.mean_confidence, bin.precision);
  }
  return out + "]}";
}

}  // namespace untm::cli
