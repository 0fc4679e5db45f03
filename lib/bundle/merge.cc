#include "bundle/merge.h"

#include <fmt/format.h>

#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace untm::bundle {

MergeResult merge_bundles(std::span<BundleReader* const> inputs, std::ostream& out, DuplicatePolicy policy,
                          int compression_level) {
  if (inputs.empty()) throw InputError("merge", "no input bundles");
  const format::TmxHeader first_header = inputs.front()->header();
  for (BundleReader* input : inputs.subspan(1)) {
    const std::string srclang = input->header().srclang;
    if (srclang != first_header.srclang) {
      throw InputError(input->source_name(), fmt::format("srclang is '{}' where {} has '{}'", srclang,
                                                         inputs.front()->source_name(), first_header.srclang));
    }
    // One header describes every document: it cannot say two filters.
    const std::string filters = input->header().filters;
    if (filters != first_header.filters) {
      throw InputError(input->source_name(), fmt::format("its pairs went through filters '{}' where {} has '{}'",
                                                         filters, inputs.front()->source_name(), first_header.filters));
    }
  }

  // Plan first, so that a refused duplicate leaves nothing half written.
  struct Source {
    BundleReader* reader;
    const IndexEntry* entry;
  };
  std::vector<Source> plan;
  std::unordered_map<std::string, std::size_t> slot_of_id;
  MergeResult result;
  for (BundleReader* input : inputs) {
    for (const IndexEntry& entry : input->documents()) {
      const auto [slot, inserted] = slot_of_id.emplace(entry.id, plan.size());
      if (inserted) {
        plan.push_back({input, &entry});
        continue;
      }
      const Source& earlier = plan[slot->second];
      if (policy == DuplicatePolicy::refuse) {
        throw DuplicateDocumentError(input->source_name(), fmt::format("document {} is also in {}", entry.id,
                                                                       earlier.reader->source_name()));
      }
      if (policy == DuplicatePolicy::keep_last) plan[slot->second] = {input, &entry};
      ++result.duplicates_dropped;
    }
  }

  // Only these fields carry over: the others are untm's own (adminlang).
  format::TmxHeader header;
  header.srclang = first_header.srclang;
  header.creation_date = first_header.creation_date;
  if (!first_header.tool_version.empty()) header.tool_version = first_header.tool_version;
  header.filters = first_header.filters;
  BundleWriter writer(out, header, compression_level);
  for (const Source& source : plan) {
    const EncodedDocument document = source.reader->encoded_document(*source.entry);
    result.units += document.unit_count;
    writer.append(document);
    ++result.documents;
  }
  writer.finish();
  return result;
}

}  // namespace untm::bundle
