#pragma once
// `--shard K/N`: shard K (1-based) of N takes the K-th of N contiguous,
// nearly equal runs of the document list. Contiguous runs make merging the N
// shard bundles in shard order give back the unsharded bundle's documents in
// the unsharded order; the split depends only on the list, so every machine
// computes the same shards.

#include <cstddef>
#include <string>
#include <string_view>

namespace untm::batch {

struct Shard {
  std::size_t index = 1;  // K, 1-based
  std::size_t count = 1;  // N
  friend bool operator==(const Shard&, const Shard&) = default;
};

// Parses "K/N" with 1 <= K <= N. Throws InputError (source "--shard") otherwise.
Shard parse_shard(std::string_view text);

// The half-open range [begin, end) of a list of `document_count` documents
// that `shard` takes: [floor((K-1)·M/N), floor(K·M/N)).
struct IndexRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};
IndexRange shard_range(const Shard& shard, std::size_t document_count);

}  // namespace untm::batch
