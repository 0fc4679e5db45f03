#pragma once
// Little-endian fixed-width integers, the byte order of every binary format
// untm writes (bundle index, batch journal) and of zstd's frame fields.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace untm {

template <typename Unsigned>
void append_little_endian(std::string& out, Unsigned value) {
  for (std::size_t byte = 0; byte < sizeof(Unsigned); ++byte) {
    out.push_back(static_cast<char>((value >> (8 * byte)) & 0xFF));
  }
}

// The first sizeof(Unsigned) bytes of `bytes` (the caller checks the size).
template <typename Unsigned>
Unsigned read_little_endian(std::string_view bytes) noexcept {
  Unsigned value = 0;
  for (std::size_t byte = sizeof(Unsigned); byte-- > 0;) {
    value = static_cast<Unsigned>((value << 8) | static_cast<unsigned char>(bytes[byte]));
  }
  return value;
}

inline void append_u32_le(std::string& out, std::uint32_t value) { append_little_endian(out, value); }
inline void append_u64_le(std::string& out, std::uint64_t value) { append_little_endian(out, value); }
inline std::uint32_t read_u32_le(std::string_view bytes) noexcept { return read_little_endian<std::uint32_t>(bytes); }
inline std::uint64_t read_u64_le(std::string_view bytes) noexcept { return read_little_endian<std::uint64_t>(bytes); }

}  // namespace untm
