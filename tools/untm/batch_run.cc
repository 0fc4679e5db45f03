#include "batch_run.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

#include "align/aligner.h"
#include "batch/journal.h"
#include "batch_pipeline.h"
#include "bundle/writer.h"
#include "core/error.h"
#include "core/link.h"
#include "file_io.h"
#include "output.h"
#include "format/text_cleanup.h"
#include "format/tmx.h"
#include "text/document.h"

namespace untm::cli {

namespace {

// What a worker hands back for one document.
using DocumentOutcome = batch::JournalRecord;

// Every option that changes the bundle's bytes; --resume refuses a journal
// written with other settings.
std::string describe_output_settings(const BatchSettings& settings) {
  return fmt::format("presplit={};links={};learn={};sample={};dictionary={}", settings.presplit,
                     settings.links_dir ? settings.links_dir->string() : "", settings.learning.learn,
                     settings.learning.sample_documents,
                     settings.learning.dictionary ? settings.learning.dictionary->string() : "");
}

void write_links_file(const std::filesystem::path& links_dir, const AlignedDocument& document) {
  const auto path = links_dir / (document.id + ".align");
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) throw OutputError(path.parent_path().string(), "cannot create folder: " + error.message());
  AtomicOutputFile out(path);
  out.write(format_links(links_of(document)));
  out.commit();
}

class DocumentAligner {
 public:
  DocumentAligner(const BatchSettings& settings, const AlignOptions& align_options, const format::TmxHeader& header)
      : settings_(settings), align_options_(align_options), header_(header) {}

  DocumentOutcome operator()(std::size_t index, const batch::DocumentPair& pair) const {
    DocumentOutcome outcome;
    outcome.index = index;
    outcome.id = pair.id;
    try {
      const std::string zh_bytes = read_file(pair.first_path);
      const std::string en_bytes = read_file(pair.second_path);
      outcome.input_bytes = zh_bytes.size() + en_bytes.size();
      TextOptions text_options;
      text_options.presplit = settings_.presplit;
      const auto zh = read_document(zh_bytes, Language::zh, pair.first_path, text_options);
      const auto en = read_document(en_bytes, Language::en, pair.second_path, text_options);
      AlignedDocument aligned = align_documents(zh, en, align_options_);
      aligned.id = pair.id;
      if (settings_.links_dir) write_links_file(*settings_.links_dir, aligned);
      outcome.pair_count = aligned.pairs.size();
      outcome.payload = batch::encode_document_payload(
          bundle::encode_document(aligned, header_, bundle::kDefaultCompressionLevel));
    } catch (const InputError& error) {
      outcome.failed = true;
      outcome.failed_file = error.source();
      outcome.failure_reason = error.offset() ? fmt::format("byte {}: {}", *error.offset(), error.message())
                                              : error.message();
    } catch (const OutputError&) {
      throw;  // not this document's fault: every later one would hit it too
    } catch (const std::exception& error) {
      // One document must never stop the batch, not even by hitting a bug.
      outcome.failed = true;
      outcome.failure_reason = fmt::format("internal error: {}", error.what());
    }
    if (outcome.failed) outcome.payload.clear();
    return outcome;
  }

 private:
  const BatchSettings& settings_;
  const AlignOptions& align_options_;
  const format::TmxHeader& header_;
};

std::uint64_t total_input_bytes(const std::vector<batch::DocumentPair>& documents) {
  std::uint64_t total = 0;
  for (const auto& pair : documents) {
    for (const auto* path : {&pair.first_path, &pair.second_path}) {
      std::error_code error;
      const auto size = std::filesystem::file_size(*path, error);
      if (!error) total += size;
    }
  }
  return total;
}

// The journal of this run, appended to document by document.
class JournalFile {
 public:
  JournalFile(std::filesystem::path path, std::uint64_t keep_bytes, const std::string& header)
      : path_(std::move(path)) {
    if (keep_bytes > 0) {
      // Cut off a record torn by the kill, then continue after the last whole one.
      std::error_code error;
      std::filesystem::resize_file(path_, keep_bytes, error);
      if (error) throw OutputError(path_.string(), "cannot truncate the journal: " + error.message());
      stream_ = std::fopen(path_.c_str(), "ab");
    } else {
      stream_ = std::fopen(path_.c_str(), "wb");
    }
    if (stream_ == nullptr) throw OutputError(path_.string(), fmt::format("cannot open the journal: {}", std::strerror(errno)));
    if (keep_bytes == 0) append(header);
  }
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;
  ~JournalFile() {
    if (stream_ != nullptr) std::fclose(stream_);
  }

  // Written through to the kernel at once: a SIGKILL loses at most the
  // record being written, which the reader then cuts off.
  void append(std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size() || std::fflush(stream_) != 0) {
      throw OutputError(path_.string(), fmt::format("cannot write the journal: {}", std::strerror(errno)));
    }
  }

  void close() {
    if (std::fclose(std::exchange(stream_, nullptr)) != 0) {
      throw OutputError(path_.string(), fmt::format("cannot write the journal: {}", std::strerror(errno)));
    }
  }

 private:
  std::filesystem::path path_;
  std::FILE* stream_ = nullptr;
};

struct JournalState {
  std::size_t finished = 0;         // documents 0 .. finished-1 are in the journal
  std::uint64_t valid_size = 0;     // bytes to keep; 0: start a new journal
  std::string creation_date;
  ProgressCounts counts;
};

JournalState read_existing_journal(const std::filesystem::path& path, const std::string& fingerprint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open the journal");
  batch::JournalReader reader(in, path.string());
  if (reader.fingerprint() != fingerprint) {
    throw InputError(path.string(), "--resume: this journal belongs to another batch (other documents or options); "
                                    "delete it to start over");
  }
  JournalState state;
  state.creation_date = reader.creation_date();
  while (auto record = reader.next()) {
    ++state.finished;
    state.counts.documents_done++;
    state.counts.documents_failed += record->failed;
    state.counts.pairs += record->pair_count;
    state.counts.input_bytes += record->input_bytes;
  }
  state.valid_size = reader.valid_size();
  return state;
}

void append_json_string(std::string& out, std::string_view text) {
  format::CleanupCounts ignored;
  out += '"';
  format::append_clean(out, text, format::Escaping::json, ignored);
  out += '"';
}

std::string report_line(const batch::DocumentPair& pair, const batch::JournalRecord& record) {
  std::string line = "{\"id\":";
  append_json_string(line, pair.id);
  line += ",\"zh\":";
  append_json_string(line, pair.first_path);
  line += ",\"en\":";
  append_json_string(line, pair.second_path);
  if (record.failed) {
    line += ",\"status\":\"failed\",\"file\":";
    append_json_string(line, record.failed_file);
    line += ",\"reason\":";
    append_json_string(line, record.failure_reason);
  } else {
    line += fmt::format(",\"status\":\"aligned\",\"pairs\":{},\"bytes\":{}", record.pair_count, record.input_bytes);
  }
  line += "}\n";
  return line;
}

std::string report_line(const batch::UnpairedFile& file) {
  std::string line = "{\"file\":";
  append_json_string(line, file.path);
  line += ",\"status\":\"unpaired\",\"reason\":";
  append_json_string(line, file.reason);
  line += "}\n";
  return line;
}

// Streams the journal into the bundle (in document order: the journal is
// written in that order), the report and the summary.
BatchSummary write_outputs(const std::vector<batch::DocumentPair>& documents,
                           const std::vector<batch::UnpairedFile>& unpaired, const BatchSettings& settings,
                           const format::TmxHeader& header, const std::filesystem::path& journal) {
  BatchSummary summary;
  summary.documents = documents.size();
  std::ifstream in(journal, std::ios::binary);
  if (!in) throw OutputError(journal.string(), "cannot reopen the journal");
  batch::JournalReader reader(in, journal.string());

  AtomicOutputFile bundle_file(settings.output);
  AtomicFileStreambuf bundle_buffer(bundle_file);
  std::ostream bundle_stream(&bundle_buffer);
  bundle_stream.exceptions(std::ios::badbit);
  bundle::BundleWriter writer(bundle_stream, header, bundle::kDefaultCompressionLevel);
  std::optional<AtomicOutputFile> report;
  if (settings.report) report.emplace(*settings.report);
  while (auto record = reader.next()) {
    const auto& pair = documents.at(record->index);
    if (report) report->write(report_line(pair, *record));
    if (record->failed) {
      summary.failed.push_back({record->id, record->failed_file, record->failure_reason});
      continue;
    }
    writer.append(batch::decode_document_payload(record->payload, journal.string()));
    ++summary.aligned;
    summary.pairs += record->pair_count;
    summary.input_bytes += record->input_bytes;
  }
  if (reader.stopped_at_torn_record() || summary.aligned + summary.failed.size() != documents.size()) {
    throw InputError(journal.string(), "the journal lost documents while the batch ran (was it changed by another process?)");
  }
  writer.finish();
  bundle_stream.flush();
  bundle_file.commit();
  if (report) {
    for (const auto& file : unpaired) report->write(report_line(file));
    report->commit();
  }
  return summary;
}

}  // namespace

std::filesystem::path journal_path(const std::filesystem::path& output) {
  auto path = output;
  path += ".untm-journal";
  return path;
}

std::filesystem::path lexicon_path(const std::filesystem::path& output) {
  auto path = output;
  path += ".untm-lexicon";
  return path;
}

BatchSummary run_batch_job(const std::vector<batch::DocumentPair>& documents,
                           const std::vector<batch::DocumentPair>& whole_list,
                           const std::vector<batch::UnpairedFile>& unpaired, const BatchSettings& settings) {
  const auto journal = journal_path(settings.output);
  const auto fingerprint = batch::batch_fingerprint(documents, describe_output_settings(settings));
  JournalState state;
  std::error_code ignored;
  const bool journal_exists = std::filesystem::exists(journal, ignored);
  if (journal_exists && !settings.resume && settings.progress != ProgressStyle::quiet) {
    fmt::print(stderr, "untm batch: starting over: {} holds an interrupted run (--resume continues it)\n",
               journal.string());
  }
  const auto lexicon_file = lexicon_path(settings.output);
  if (settings.resume && journal_exists) {
    state = read_existing_journal(journal, fingerprint);
    if (settings.creation_date && *settings.creation_date != state.creation_date) {
      throw InputError("--date", fmt::format("the resumed batch was started with --date {}", state.creation_date));
    }
  } else {
    state.creation_date = settings.creation_date.value_or(format::tmx_date(std::chrono::system_clock::now()));
    // A lexicon is reused only by the resumed run of the batch that learned it.
    std::filesystem::remove(lexicon_file, ignored);
  }

  format::TmxHeader header;
  header.creation_date = state.creation_date;
  header.srclang = settings.srclang;
  {
    // The journal exists from the start, so a batch killed while learning
    // resumes as well.
    JournalFile journal_file(journal, state.valid_size, batch::encode_journal_header(fingerprint, state.creation_date));
    const AlignOptions align_options =
        state.finished == documents.size()
            ? AlignOptions{}
            : prepare_batch_alignment(whole_list, settings.presplit, settings.learning, AlignOptions{}, lexicon_file,
                                      settings.threads, settings.progress);
    const DocumentAligner align_document(settings, align_options, header);
    ProgressCounts counts = state.counts;
    ProgressDisplay progress(settings.progress, stderr, "", documents.size(), total_input_bytes(documents), counts,
                             settings.progress_interval);
    OrderedRunOptions run_options;
    run_options.threads = settings.threads;
    run_options.window = 4 * static_cast<std::size_t>(std::max(settings.threads, 1u));
    run_in_order<DocumentOutcome>(
        state.finished, documents.size(), run_options,
        [&](std::size_t index) { return align_document(index, documents[index]); },
        [&](std::size_t, DocumentOutcome& outcome) {
          journal_file.append(batch::encode_journal_record(outcome));
          counts.documents_done++;
          counts.documents_failed += outcome.failed;
          counts.pairs += outcome.pair_count;
          counts.input_bytes += outcome.input_bytes;
          progress.update(counts);
        },
        [&] { progress.update(counts); });
    progress.finish(counts);
    journal_file.close();
  }
  BatchSummary summary = write_outputs(documents, unpaired, settings, header, journal);
  summary.resumed = state.finished;
  std::filesystem::remove(journal, ignored);
  std::filesystem::remove(lexicon_file, ignored);
  return summary;
}

}  // namespace untm::cli
