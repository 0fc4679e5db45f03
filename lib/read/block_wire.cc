#include "read/block_wire.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace untm::read {

namespace {

constexpr std::string_view kMagic = "untm-blocks-1\n";

template <typename Number>
void put(std::string& out, Number value) {
  static_assert(std::is_arithmetic_v<Number>);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : rest_(bytes) {}

  template <typename Number>
  Number number() {
    Number value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view take(std::uint64_t size) {
    if (size > rest_.size()) throw std::runtime_error("PDF reader child: its block stream is cut short");
    const std::string_view taken = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return taken;
  }
  bool at_end() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string encode_blocks(const std::vector<Block>& blocks) {
  std::string out(kMagic);
  put<std::uint64_t>(out, blocks.size());
  for (const Block& block : blocks) {
    put<std::uint8_t>(out, static_cast<std::uint8_t>(block.kind));
    put<std::uint32_t>(out, block.page);
    put<std::uint32_t>(out, block.index);
    put<std::uint64_t>(out, block.text.size());
    out += block.text;
    put<std::uint64_t>(out, block.page_starts.size());
    for (const PageStart& start : block.page_starts) {
      put<std::uint64_t>(out, start.at);
      put<std::uint32_t>(out, start.page);
    }
  }
  return out;
}

std::vector<Block> decode_blocks(std::string_view bytes) {
  Cursor cursor(bytes);
  if (cursor.take(kMagic.size()) != kMagic) throw std::runtime_error("PDF reader child: no block stream");
  std::vector<Block> blocks;
  // Each block takes at least 25 bytes: a count beyond that is damage, not a reason to reserve.
  const auto count = cursor.number<std::uint64_t>();
  if (count > bytes.size() / 25) throw std::runtime_error("PDF reader child: its block count is damaged");
  blocks.resize(count);
  for (Block& block : blocks) {
    const auto kind = cursor.number<std::uint8_t>();
    if (kind > static_cast<std::uint8_t>(BlockKind::table_cell)) {
      throw std::runtime_error("PDF reader child: a block of no known kind");
    }
    block.kind = static_cast<BlockKind>(kind);
    block.page = cursor.number<std::uint32_t>();
    block.index = cursor.number<std::uint32_t>();
    block.text = std::string(cursor.take(cursor.number<std::uint64_t>()));
    const auto starts = cursor.number<std::uint64_t>();
    if (starts > bytes.size() / 12) throw std::runtime_error("PDF reader child: a page-start count is damaged");
    block.page_starts.resize(starts);
    for (PageStart& start : block.page_starts) {
      start.at = cursor.number<std::uint64_t>();
      start.page = cursor.number<std::uint32_t>();
    }
  }
  if (!cursor.at_end()) throw std::runtime_error("PDF reader child: bytes after its last block");
  return blocks;
}

}  // namespace untm::read
