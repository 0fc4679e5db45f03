#include "read/zip_package.h"

#include <zip.h>

#include <fmt/format.h>

#include <algorithm>

#include "core/error.h"

namespace untm::read {

namespace {

std::string libzip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

zip* open_archive(std::string_view bytes, const std::string& source_name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    std::string cause = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (source != nullptr) zip_source_free(source);
    throw InputError(source_name, fmt::format("not a readable ZIP package, so not a DOCX (truncated or damaged?): {}",
                                              cause));
  }
  zip_error_fini(&error);
  return archive;
}

}  // namespace

void ZipPackage::Closer::operator()(zip* archive) const noexcept { zip_discard(archive); }

ZipPackage::ZipPackage(std::string_view bytes, std::string source_name, ZipLimits limits)
    : archive_(open_archive(bytes, source_name)), source_name_(std::move(source_name)), limits_(limits) {
  const zip_int64_t entries = zip_get_num_entries(archive_.get(), 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits_.entries) {
    throw InputError(source_name_, fmt::format("a ZIP package of {} entries, more than the {} any Word document "
                                               "(DOCX) needs: refused as a possible zip bomb",
                                               entries, limits_.entries));
  }
}

ZipPackage::~ZipPackage() = default;

std::optional<std::string> ZipPackage::read(std::string_view name) const {
  const std::string part_name(name);
  const zip_int64_t index = zip_name_locate(archive_.get(), part_name.c_str(), 0);
  if (index < 0) return std::nullopt;
  const auto fail = [&](const std::string& cause) {
    return InputError(source_name_, fmt::format("part {} of the DOCX package: {}", part_name, cause));
  };
  zip_file_t* file = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    const int code = zip_error_code_zip(zip_get_error(archive_.get()));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) throw fail("encrypted; save the document unprotected");
    throw fail(libzip_message(code));
  }
  // The limit left for this part: the smaller of its own and what the
  // package has left. The size an entry claims is checked first (no work for
  // an honest bomb), the bytes inflated always (the claim may lie).
  const std::uint64_t package_left = limits_.package_size - std::min(bytes_read_, limits_.package_size);
  const std::uint64_t limit = std::min(limits_.part_size, package_left);
  const auto too_large = [&] {
    zip_fclose(file);
    return fail(limit == limits_.part_size
                    ? fmt::format("larger than {} MiB uncompressed: refused as a possible zip bomb",
                                  limits_.part_size >> 20)
                    : fmt::format("the parts read reach more than {} MiB uncompressed: refused as a possible zip bomb",
                                  limits_.package_size >> 20));
  };
  zip_stat_t stat;
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > limit) {
    throw too_large();
  }
  std::string content;
  char buffer[1 << 16];
  zip_int64_t got = 0;
  while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
    if (content.size() + static_cast<std::uint64_t>(got) > limit) throw too_large();
    content.append(buffer, static_cast<std::size_t>(got));
  }
  bytes_read_ += content.size();
  const int code = got < 0 ? zip_error_code_zip(zip_file_get_error(file)) : ZIP_ER_OK;
  zip_fclose(file);
  if (got < 0) throw fail(fmt::format("damaged: {}", libzip_message(code)));
  return content;
}

}  // namespace untm::read
