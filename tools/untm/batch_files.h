#pragma once
// The batch job's storage as files (pipeline/batch_storage.h): inputs read
// whole, outputs through AtomicOutputFile, and beside the bundle OUT the
// work files OUT.untm-journal (the resume journal) and OUT.untm-lexicon (the
// lexicon the batch learned), which a finished batch removes.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "pipeline/batch_storage.h"
#include "pipeline/settings.h"

namespace untm::cli {

struct BatchDestinations {
  std::filesystem::path bundle;                    // -o OUT.tmx.zst
  std::optional<std::filesystem::path> report;     // --report FILE.jsonl
  std::filesystem::path links_dir;                 // --links-dir DIR; empty: none
};

// Declares every file of a batch (file_io.h RunFiles) and checks them before
// any work: `input` (the manifest, or a folder whose documents are listed), the
// documents of the whole list, the lexicon files, the bundle with its work
// files, the report, and the link file of each `selected` document.
void check_batch_files(const std::string& input, const std::vector<batch::DocumentPair>& whole_list,
                       const std::vector<batch::DocumentPair>& selected, const BatchDestinations& destinations,
                       const pipeline::LexiconSettings& lexicon);

class BatchFiles final : public pipeline::BatchStorage {
 public:
  explicit BatchFiles(BatchDestinations destinations) : destinations_(std::move(destinations)) {}

  std::string read(const std::string& name) override;
  std::uint64_t size(const std::string& name) override;
  std::unique_ptr<pipeline::OutputSink> create(pipeline::OutputKind kind, const std::string& name) override;
  std::string name(pipeline::WorkFile file) override { return path(file).string(); }
  std::string identity(const std::string& name) override;
  bool exists(pipeline::WorkFile file) override;
  std::unique_ptr<std::istream> open(pipeline::WorkFile file) override;
  std::unique_ptr<pipeline::JournalSink> append_journal(std::uint64_t keep_bytes) override;
  void replace(pipeline::WorkFile file, std::string_view bytes) override;
  void remove(pipeline::WorkFile file) override;

 private:
  std::filesystem::path path(pipeline::WorkFile file) const;

  BatchDestinations destinations_;
};

}  // namespace untm::cli
