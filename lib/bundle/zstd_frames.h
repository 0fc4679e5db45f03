#pragma once
// zstd plumbing shared by the bundle writer and reader: one-shot compression
// of a frame with a content checksum, and streaming decompression of one
// frame from a seekable stream in constant memory.

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace untm::bundle {

// One complete zstd frame with content checksum and content size.
std::string compress_frame(std::string_view content, int level);

// The content checksum stored in the last 4 bytes of `frame`, if its header
// says it has one.
std::optional<std::uint32_t> frame_checksum(std::string_view frame);

struct FrameDecodeResult {
  std::uint64_t consumed = 0;   // compressed bytes of the frame
  bool complete = false;        // the frame ended (checksum verified)
  bool truncated = false;       // input ran out inside the frame
  std::string problem;          // zstd's error, when neither
};

// Decompresses the zstd frame starting at `offset` of `in`, reading at most
// `limit` bytes, and passes its content to `sink` piece by piece. Stops at the
// end of the frame.
FrameDecodeResult decode_frame(std::istream& in, std::uint64_t offset, std::uint64_t limit,
                               const std::function<void(std::string_view)>& sink);

}  // namespace untm::bundle
