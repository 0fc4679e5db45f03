#pragma once
// A ZIP package (OPC, ECMA-376 Part 2) held in memory: the parts of a DOCX.
// libzip does the reading; this class owns the handle and turns libzip's
// errors into InputError naming the file.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace untm::read {

// A zip bomb (a small file whose parts inflate to gigabytes, or a directory
// of millions of entries) must not take the memory of a batch run. The input
// size limit (1 GiB, text/decode.h) bounds the compressed bytes only, so the
// uncompressed ones have their own limits; no Word document comes near them.
struct ZipLimits {
  std::uint64_t part_size = std::uint64_t{256} << 20;     // one part, uncompressed
  std::uint64_t package_size = std::uint64_t{512} << 20;  // all parts read from one package
  std::uint64_t entries = std::uint64_t{1} << 14;         // Word writes tens of parts, one per image
};

class ZipPackage {
 public:
  // Throws InputError naming `source_name` when `bytes` is not a readable ZIP
  // archive (truncated, damaged, not a ZIP at all) or has more entries than
  // `limits` allows. `bytes` must outlive this.
  ZipPackage(std::string_view bytes, std::string source_name, ZipLimits limits = {});
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // The uncompressed bytes of the part named `name` ("word/document.xml"),
  // or nothing when the package has no such part. Throws InputError naming
  // the file and the part when the part is encrypted, damaged, larger than
  // limits.part_size or more than limits.package_size with the parts read
  // before it: inflating stops at the limit, whatever size the entry claims.
  std::optional<std::string> read(std::string_view name) const;

  const std::string& source_name() const noexcept { return source_name_; }

 private:
  struct Closer {
    void operator()(zip* archive) const noexcept;
  };
  std::unique_ptr<zip, Closer> archive_;
  std::string source_name_;
  ZipLimits limits_;
  mutable std::uint64_t bytes_read_ = 0;  // uncompressed, over every read()
};

}  // namespace untm::read
