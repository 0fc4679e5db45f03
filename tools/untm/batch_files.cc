#include "batch_files.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <utility>

#include "batch/link_files.h"
#include "core/error.h"
#include "file_io.h"
#include "lexicon_options.h"

namespace untm::cli {

namespace {

// The journal of this run, appended to document by document.
class JournalFile final : public pipeline::JournalSink {
 public:
  JournalFile(std::filesystem::path path, std::uint64_t keep_bytes) : path_(std::move(path)) {
    if (keep_bytes > 0) {
      // Cut off a record torn by the kill, then continue after the last whole one.
      std::error_code error;
      std::filesystem::resize_file(path_, keep_bytes, error);
      if (error) throw OutputError(path_.string(), "cannot truncate the journal: " + error.message());
      stream_ = std::fopen(path_.c_str(), "ab");
    } else {
      stream_ = std::fopen(path_.c_str(), "wb");
    }
    if (stream_ == nullptr) fail("cannot open the journal");
  }
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;
  ~JournalFile() override {
    if (stream_ != nullptr) std::fclose(stream_);
  }

  // Flushed to the kernel at once: a SIGKILL loses at most the record being
  // written, which the reader then cuts off.
  void append(std::string_view bytes) override {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size() || std::fflush(stream_) != 0) {
      fail("cannot write the journal");
    }
  }

  void close() override {
    if (std::fclose(std::exchange(stream_, nullptr)) != 0) fail("cannot write the journal");
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw OutputError(path_.string(), fmt::format("{}: {}", what, std::strerror(errno)));
  }

  std::filesystem::path path_;
  std::FILE* stream_ = nullptr;
};

}  // namespace

void check_batch_files(const std::string& input, const std::vector<batch::DocumentPair>& whole_list,
                       const std::vector<batch::DocumentPair>& selected, const BatchDestinations& destinations,
                       const pipeline::LexiconSettings& lexicon) {
  RunFiles files;
  files.input("the batch input", input);
  for (const auto& pair : whole_list) {
    files.input(fmt::format("document {}", pair.id), pair.first_path);
    files.input(fmt::format("document {}", pair.id), pair.second_path);
  }
  declare_lexicon_files(files, lexicon);
  files.output("-o", destinations.bundle);
  const std::string bundle = destinations.bundle.string();
  files.output("the resume journal", bundle + ".untm-journal");
  files.output("the lexicon work file", bundle + ".untm-lexicon");
  if (destinations.report) files.output("--report", *destinations.report);
  if (!destinations.links_dir.empty()) {
    files.output_folder("--links-dir", destinations.links_dir);
    for (const auto& pair : selected) {
      files.output(fmt::format("--links-dir file of document {}", pair.id),
                   destinations.links_dir / batch::link_file_name(pair.id));
    }
  }
  files.check();
}

std::string BatchFiles::identity(const std::string& name) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(name, error), error);
  return error ? name : canonical.string();
}

std::string BatchFiles::read(const std::string& name) { return read_file(name); }

std::uint64_t BatchFiles::size(const std::string& name) {
  std::error_code error;
  const auto size = std::filesystem::file_size(name, error);
  return error ? 0 : size;
}

std::unique_ptr<pipeline::OutputSink> BatchFiles::create(pipeline::OutputKind kind, const std::string& name) {
  switch (kind) {
    case pipeline::OutputKind::bundle:
      return std::make_unique<AtomicOutputFile>(destinations_.bundle);
    case pipeline::OutputKind::report:
      return std::make_unique<AtomicOutputFile>(destinations_.report.value());
    case pipeline::OutputKind::lexicon:
      return std::make_unique<AtomicOutputFile>(name);
    case pipeline::OutputKind::links:
      break;
  }
  const auto links_path = destinations_.links_dir / batch::link_file_name(name);
  std::error_code error;
  std::filesystem::create_directories(links_path.parent_path(), error);
  if (error) throw OutputError(links_path.parent_path().string(), "cannot create folder: " + error.message());
  return std::make_unique<AtomicOutputFile>(links_path);
}

std::filesystem::path BatchFiles::path(pipeline::WorkFile file) const {
  auto path = destinations_.bundle;
  path += file == pipeline::WorkFile::journal ? ".untm-journal" : ".untm-lexicon";
  return path;
}

bool BatchFiles::exists(pipeline::WorkFile file) {
  std::error_code ignored;
  return std::filesystem::exists(path(file), ignored);
}

std::unique_ptr<std::istream> BatchFiles::open(pipeline::WorkFile file) {
  auto in = std::make_unique<std::ifstream>(path(file), std::ios::binary);
  if (!*in) throw InputError(name(file), fmt::format("cannot open: {}", std::strerror(errno)));
  return in;
}

std::unique_ptr<pipeline::JournalSink> BatchFiles::append_journal(std::uint64_t keep_bytes) {
  return std::make_unique<JournalFile>(path(pipeline::WorkFile::journal), keep_bytes);
}

void BatchFiles::replace(pipeline::WorkFile file, std::string_view bytes) { write_file(path(file), bytes); }

void BatchFiles::remove(pipeline::WorkFile file) {
  std::error_code ignored;
  std::filesystem::remove(path(file), ignored);
}

}  // namespace untm::cli
