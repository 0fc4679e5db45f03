#include "batch/shard.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/error.h"

namespace untm::batch {

namespace {

std::optional<std::size_t> parse_count(std::string_view digits) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return value;
}

}  // namespace

Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const auto index = slash == std::string_view::npos ? std::nullopt : parse_count(text.substr(0, slash));
  const auto count = slash == std::string_view::npos ? std::nullopt : parse_count(text.substr(slash + 1));
  if (!index || !count || *index < 1 || *index > *count) {
    throw UsageError("expected K/N with 1 <= K <= N (shard K of N), got '" + std::string(text) + "'");
  }
  return {*index, *count};
}

Range shard_range(const Shard& shard, std::size_t document_count) {
  // K·M overflows 64 bits for a K near 2^64 (a mistyped --shard), which gave
  // shards outside the list; 128-bit arithmetic keeps every K/N exact.
  __extension__ using Wide = unsigned __int128;
  const auto boundary = [&](std::size_t k) {
    return static_cast<std::size_t>(Wide{k} * Wide{document_count} / Wide{shard.count});
  };
  return {boundary(shard.index - 1), boundary(shard.index)};
}

std::vector<std::size_t> spread_sample(std::size_t document_count, std::size_t sample_size) {
  const std::size_t size = std::min(sample_size, document_count);
  std::vector<std::size_t> indices;
  indices.reserve(size);
  for (std::size_t i = 0; i < size; ++i) indices.push_back(i * document_count / size);
  return indices;
}

}  // namespace untm::batch
