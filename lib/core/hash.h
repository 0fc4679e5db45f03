#pragma once
// FNV-1a, 64 bits (Fowler, Noll, Vo): a fast hash for checksums against torn
// writes and for hashing tokens, not against tampering. Journal checksums are
// stored on disk: the constants are part of the format.

#include <cstdint>
#include <string_view>

namespace untm {

class Fnv1a64 {
 public:
  static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
  static constexpr std::uint64_t kPrime = 0x100000001b3ULL;

  // Mixes in one value (a byte, or a whole code point for token hashes).
  constexpr void add(std::uint64_t value) noexcept {
    hash_ ^= value;
    hash_ *= kPrime;
  }
  constexpr void add(std::string_view bytes) noexcept {
    for (const char c : bytes) add(static_cast<unsigned char>(c));
  }
  constexpr std::uint64_t value() const noexcept { return hash_; }

 private:
  std::uint64_t hash_ = kOffsetBasis;
};

constexpr std::uint64_t fnv1a64(std::string_view bytes) noexcept {
  Fnv1a64 hash;
  hash.add(bytes);
  return hash.value();
}

}  // namespace untm
