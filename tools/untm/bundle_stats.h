#pragma once
// `untm bundle stats`: what a bundle holds, per document and in total (links
// by type and by confidence band), as the text report or as JSON (--json).

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bundle/reader.h"
#include "core/types.h"

namespace untm::cli {

// Links by type ("1-1") and by confidence band (tenths: band k holds
// [k/10, (k+1)/10), with 1.0 in the top band).
struct LinkCounts {
  std::uint64_t units = 0;
  std::uint64_t manual_units = 0;  // checked or corrected by a person (x-origin manual)
  std::map<std::string, std::uint64_t> link_types;
  std::array<std::uint64_t, 10> confidence_bands{};

  void add(const AlignedPair& pair);
  void add(const LinkCounts& other);
};

struct BundleStats {
  std::vector<std::pair<std::string, LinkCounts>> documents;  // by id, in bundle order
  LinkCounts total;
  std::map<std::string, std::uint64_t> language_pairs;  // "zh-en" to documents
  std::uint64_t cleaned_characters = 0;
  std::uint64_t xml_bytes = 0;
};

// Reads every document of `reader` (throws InputError for a damaged one).
BundleStats collect_stats(bundle::BundleReader& reader);
// The tab-separated report, in total.
std::string stats_text(const BundleStats& stats, bundle::BundleReader& reader);
// One JSON object: the bundle's figures, "total" and "documents" (each with
// its id), each with "units", "link_types" and "confidence" by band.
std::string stats_json(const BundleStats& stats, bundle::BundleReader& reader);

}  // namespace untm::cli
