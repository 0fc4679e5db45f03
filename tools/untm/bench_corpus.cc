#include "bench_corpus.h"

#include <algorithm>
#include <sstream>

#include "core/error.h"
#include "file_io.h"

namespace untm::cli {

namespace fs = std::filesystem;

std::vector<Corpus> read_gold(const std::filesystem::path& shared) {
  std::vector<Corpus> documents;
  const fs::path gold = shared / "gold";
  if (!fs::is_directory(gold)) throw InputError(gold.string(), "gold sets not found (see --shared)");
  std::vector<fs::path> sets;
  for (const auto& entry : fs::directory_iterator(gold)) {
    if (entry.is_directory()) sets.push_back(entry.path());
  }
  std::sort(sets.begin(), sets.end());
  auto read_lines = [](const fs::path& path, std::vector<std::string>& out) {
    std::istringstream lines(read_file(path.string()));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) out.push_back(line);
    }
  };
  for (const fs::path& set : sets) {
    std::vector<fs::path> names;
    for (const auto& entry : fs::directory_iterator(set / "zh")) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    for (const fs::path& name : names) {
      if (!fs::exists(set / "en" / name)) continue;
      Corpus document;
      read_lines(set / "zh" / name, document.first);
      read_lines(set / "en" / name, document.second);
      const fs::path gold_links = set / "gold" / (name.string() + ".align");
      if (fs::exists(gold_links)) document.gold = parse_link_indices(read_file(gold_links.string()), gold_links.string());
      documents.push_back(std::move(document));
    }
  }
  if (documents.empty()) throw InputError(gold.string(), "no documents");
  return documents;
}

Corpus concatenate(const std::vector<Corpus>& documents, std::size_t size) {
  Corpus out;
  bool every_gold = true;
  for (std::size_t k = 0; out.first.size() < size; ++k) {
    const Corpus& document = documents[k % documents.size()];
    every_gold = every_gold && !document.gold.empty();
    for (LinkIndices link : document.gold) {
      for (std::size_t& index : link.first) index += out.first.size();
      for (std::size_t& index : link.second) index += out.second.size();
      out.gold.push_back(std::move(link));
    }
    out.first.insert(out.first.end(), document.first.begin(), document.first.end());
    out.second.insert(out.second.end(), document.second.begin(), document.second.end());
  }
  if (!every_gold) out.gold.clear();
  return out;
}

}  // namespace untm::cli
