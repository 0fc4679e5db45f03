#pragma once
// Small bundles written in memory for the bundle tests, with a fixed date so
// that the same documents always give the same bytes.

#include <sstream>
#include <string>
#include <vector>

#include "bundle/writer.h"
#include "core/types.h"
#include "format/tmx.h"

namespace untm::testing {

inline constexpr int kBundleLevel = 3;

inline format::TmxHeader fixed_header() {
  format::TmxHeader header;
  header.creation_date = "20130830T120000Z";
  return header;
}

inline std::string write_bundle(const std::vector<AlignedDocument>& documents,
                                format::TmxHeader header = fixed_header()) {
  std::ostringstream out;
  bundle::BundleWriter writer(out, header, kBundleLevel);
  for (const auto& document : documents) writer.add(document);
  writer.finish();
  return std::move(out).str();
}

}  // namespace untm::testing
