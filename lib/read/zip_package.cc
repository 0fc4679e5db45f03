#include "read/zip_package.h"

#include <zip.h>

#include <fmt/format.h>

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

ZipPackage::ZipPackage(std::string_view bytes, std::string source_name)
    : archive_(open_archive(bytes, source_name)), source_name_(std::move(source_name)) {}

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
  std::string content;
  char buffer[1 << 16];
  zip_int64_t got = 0;
  while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
    if (content.size() + static_cast<std::size_t>(got) > max_part_size) {
      zip_fclose(file);
      throw fail(fmt::format("larger than {} MiB uncompressed", max_part_size >> 20));
    }
    content.append(buffer, static_cast<std::size_t>(got));
  }
  const int code = got < 0 ? zip_error_code_zip(zip_file_get_error(file)) : ZIP_ER_OK;
  zip_fclose(file);
  if (got < 0) throw fail(fmt::format("damaged: {}", libzip_message(code)));
  return content;
}

}  // namespace untm::read
