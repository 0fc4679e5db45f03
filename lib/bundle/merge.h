#pragma once
// Merging bundles: the document frames are copied as they are (checked, not
// recompressed) into a new bundle with a new index.

#include <cstddef>
#include <ostream>
#include <span>

#include "bundle/reader.h"
#include "core/error.h"

namespace untm::bundle {

// What to do when two inputs hold a document with the same id.
enum class DuplicatePolicy {
  refuse,      // throw DuplicateDocumentError naming the id and both inputs
  keep_first,  // the earlier input's document wins
  keep_last,   // the later input's document wins (in the earlier one's place)
};

// A document id found in two inputs under DuplicatePolicy::refuse; source()
// is the later input. Its own type so that a front end can say how to choose.
class DuplicateDocumentError : public InputError {
 public:
  using InputError::InputError;
};

struct MergeResult {
  std::size_t documents = 0;
  std::size_t duplicates_dropped = 0;
  std::uint64_t units = 0;
};

// Writes the merge of `inputs` (in order) to `out`. The header (srclang,
// creation date) is the first input's; inputs with another srclang are
// refused. Damaged documents are refused with an InputError naming them.
MergeResult merge_bundles(std::span<BundleReader* const> inputs, std::ostream& out, DuplicatePolicy policy,
                          int compression_level = kDefaultCompressionLevel);

}  // namespace untm::bundle
