#pragma once
// `--shard K/N`: shard K (1-based) of N takes the K-th of N contiguous,
// nearly equal runs of the document list. Contiguous runs make merging the N
// shard bundles in shard order give back the unsharded bundle's documents in
// the unsharded order; the split depends only on the list, so every machine
// computes the same shards.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/range.h"

namespace untm::batch {

struct Shard {
  std::size_t index = 1;  // K, 1-based
  std::size_t count = 1;  // N
  friend bool operator==(const Shard&, const Shard&) = default;
};

// Parses "K/N" with 1 <= K <= N. Throws UsageError otherwise; the caller
// names the option the text came from.
Shard parse_shard(std::string_view text);

// The half-open range [begin, end) of a list of `document_count` documents
// that `shard` takes: [floor((K-1)·M/N), floor(K·M/N)).
Range shard_range(const Shard& shard, std::size_t document_count);

// `sample_size` indices spread evenly over [0, document_count):
// floor(i·M/S) for i < S, or every index when S >= M. Batch-wide learning
// draws its documents this way from the whole list, before sharding, so that
// every shard learns the same lexicon and merged shards equal the unsharded
// batch.
std::vector<std::size_t> spread_sample(std::size_t document_count, std::size_t sample_size);

}  // namespace untm::batch
