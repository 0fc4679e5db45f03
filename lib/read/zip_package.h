#pragma once
// A ZIP package (OPC, ECMA-376 Part 2) held in memory: the parts of a DOCX.
// libzip does the reading; this class owns the handle and turns libzip's
// errors into InputError naming the file.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace untm::read {

class ZipPackage {
 public:
  // Throws InputError naming `source_name` when `bytes` is not a readable ZIP
  // archive (truncated, damaged, not a ZIP at all). `bytes` must outlive this.
  ZipPackage(std::string_view bytes, std::string source_name);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // The uncompressed bytes of the part named `name` ("word/document.xml"),
  // or nothing when the package has no such part. Throws InputError when the
  // part is encrypted, damaged or larger than `max_part_size`.
  std::optional<std::string> read(std::string_view name) const;

  const std::string& source_name() const noexcept { return source_name_; }

  // A zip bomb must not take the memory of a batch run: no Word document part
  // comes near this.
  static constexpr std::size_t max_part_size = std::size_t{256} << 20;

 private:
  struct Closer {
    void operator()(zip* archive) const noexcept;
  };
  std::unique_ptr<zip, Closer> archive_;
  std::string source_name_;
};

}  // namespace untm::read
