#include "bundle/zstd_frames.h"

#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_d_windowLogMax, ZSTD_getFrameHeader
#include <zstd.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "core/bytes.h"

namespace untm::bundle {

namespace {

struct CompressionContextDeleter {
  void operator()(ZSTD_CCtx* context) const noexcept { ZSTD_freeCCtx(context); }
};
struct DecompressionContextDeleter {
  void operator()(ZSTD_DCtx* context) const noexcept { ZSTD_freeDCtx(context); }
};

// Frames we write never need a window above 2^24 (level 19 uses 2^23); the
// limit bounds the memory a hostile frame header can make the reader allocate.
constexpr int kMaxWindowLog = 25;

// False only when the frame header is readable and says "no checksum"; a
// header cut short is left to the decoder to report.
bool declares_checksum(std::string_view start) {
  ZSTD_frameHeader header{};
  if (ZSTD_getFrameHeader(&header, start.data(), start.size()) != 0) return true;
  return header.frameType != ZSTD_frame || header.checksumFlag != 0;
}

}  // namespace

std::string compress_frame(std::string_view content, int level) {
  std::unique_ptr<ZSTD_CCtx, CompressionContextDeleter> context(ZSTD_createCCtx());
  if (!context) throw std::bad_alloc();
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_contentSizeFlag, 1);
  std::string frame(ZSTD_compressBound(content.size()), '\0');
  const std::size_t size = ZSTD_compress2(context.get(), frame.data(), frame.size(), content.data(), content.size());
  if (ZSTD_isError(size)) throw std::runtime_error(std::string("zstd compression failed: ") + ZSTD_getErrorName(size));
  frame.resize(size);
  return frame;
}

std::optional<std::uint32_t> frame_checksum(std::string_view frame) {
  ZSTD_frameHeader header{};
  if (ZSTD_getFrameHeader(&header, frame.data(), frame.size()) != 0) return std::nullopt;
  if (header.frameType != ZSTD_frame || !header.checksumFlag || frame.size() < 4) return std::nullopt;
  return read_u32_le(frame.substr(frame.size() - 4));
}

FrameDecodeResult decode_frame(std::istream& in, std::uint64_t offset, std::uint64_t limit,
                               const std::function<void(std::string_view)>& sink) {
  FrameDecodeResult result;
  std::unique_ptr<ZSTD_DCtx, DecompressionContextDeleter> context(ZSTD_createDCtx());
  if (!context) throw std::bad_alloc();
  ZSTD_DCtx_setParameter(context.get(), ZSTD_d_windowLogMax, kMaxWindowLog);

  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  std::vector<char> input(ZSTD_DStreamInSize());
  std::vector<char> output(ZSTD_DStreamOutSize());
  std::uint64_t remaining = limit;
  while (true) {
    const std::size_t wanted = static_cast<std::size_t>(std::min<std::uint64_t>(input.size(), remaining));
    std::size_t got = 0;
    if (wanted > 0) {
      in.read(input.data(), static_cast<std::streamsize>(wanted));
      got = static_cast<std::size_t>(in.gcount());
    }
    if (got == 0) {
      result.truncated = true;
      return result;
    }
    // Our frames all carry a content checksum; one whose header lost the
    // flag (a flipped bit) would decode unchecked.
    if (result.consumed == 0 && !declares_checksum(std::string_view(input.data(), got))) {
      result.problem = "frame has no content checksum";
      return result;
    }
    remaining -= got;
    ZSTD_inBuffer in_buffer{input.data(), got, 0};
    while (in_buffer.pos < in_buffer.size) {
      ZSTD_outBuffer out_buffer{output.data(), output.size(), 0};
      const std::size_t status = ZSTD_decompressStream(context.get(), &out_buffer, &in_buffer);
      if (ZSTD_isError(status)) {
        result.problem = ZSTD_getErrorName(status);
        result.consumed += in_buffer.pos;
        return result;
      }
      if (out_buffer.pos > 0) sink(std::string_view(output.data(), out_buffer.pos));
      if (status == 0) {
        // The frame ended, perhaps before the input we read: flush what is
        // left of the output, then stop at the frame's last byte.
        result.consumed += in_buffer.pos;
        result.complete = true;
        return result;
      }
    }
    result.consumed += got;
    // A full output buffer may hold more to flush with no new input.
    while (true) {
      ZSTD_inBuffer empty{input.data(), 0, 0};
      ZSTD_outBuffer out_buffer{output.data(), output.size(), 0};
      const std::size_t status = ZSTD_decompressStream(context.get(), &out_buffer, &empty);
      if (ZSTD_isError(status)) {
        result.problem = ZSTD_getErrorName(status);
        return result;
      }
      if (out_buffer.pos > 0) sink(std::string_view(output.data(), out_buffer.pos));
      if (status == 0) {
        result.complete = true;
        return result;
      }
      if (out_buffer.pos < out_buffer.size) break;
    }
  }
}

}  // namespace untm::bundle
