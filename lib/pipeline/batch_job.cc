#include "pipeline/batch_job.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>
#include <span>
#include <sstream>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "batch/journal.h"
#include "bundle/writer.h"
#include "core/hash.h"
#include "core/link.h"
#include "format/tmx.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_image.h"
#include "pipeline/batch_report.h"
#include "pipeline/document.h"
#include "pipeline/ordered_pool.h"

namespace untm::pipeline {

namespace {

using DocumentOutcome = batch::JournalRecord;

// Both sides of a document pair of the list, read and split: the path of
// pass 1 and pass 2 alike.
SplitPair read_listed_pair(BatchStorage& storage, const batch::DocumentPair& pair, const BatchSettings& settings,
                           std::uint64_t* input_bytes = nullptr) {
  TextOptions text_options;
  text_options.presplit = settings.presplit;
  text_options.format = settings.input_format;
  const auto read = [&storage](const std::string& name) { return storage.read(name); };
  return read_pair(pair.first_path, pair.second_path, read, AlignOptions{}, text_options, input_bytes);
}

// What a document's inputs hold, for a resume to know whether a failed
// document's inputs changed since it failed: the size and a hash of each
// side's bytes, or that it could not be read (and why).
std::string input_fingerprint(BatchStorage& storage, const batch::DocumentPair& pair) {
  std::string fingerprint;
  for (const std::string* name : {&pair.first_path, &pair.second_path}) {
    try {
      const std::string bytes = storage.read(*name);
      fingerprint += fmt::format("{}:{:016x};", bytes.size(), fnv1a64(bytes));
    } catch (const InputError& error) {
      fingerprint += fmt::format("unread:{:016x};", fnv1a64(error.message()));
    } catch (const std::bad_alloc&) {
      fingerprint += fmt::format("too-large:{};", storage.size(*name));
    }
  }
  return fingerprint;
}

// The documents learning's pass 1 read, by document id, until pass 2 takes
// them (DocumentAligner), so that each input is read, split and scanned for
// anchors once (7% of a 60-document batch's time). At most
// kKeptFirstPassBytes of input, which hold about 2.5 times as much in
// memory: pass 1 stops at its training budget of sentence pairs, about
// 10 MB of UN documents, so only documents of unusual size are read again.
using FirstPassDocuments = std::map<std::string, FirstPassDocument>;
constexpr std::uint64_t kKeptFirstPassBytes = std::uint64_t{32} << 20;

class DocumentAligner {
 public:
  DocumentAligner(const BatchSettings& settings, const AlignOptions& align_options, FirstPassDocuments kept,
                  const format::TmxHeader& header, BatchStorage& storage)
      : settings_(settings), align_options_(align_options), kept_(std::move(kept)), header_(header),
        storage_(storage) {}

  DocumentOutcome operator()(std::size_t index, const batch::DocumentPair& pair) const {
    DocumentOutcome outcome;
    outcome.index = index;
    outcome.id = pair.id;
    try {
      // A document pass 1 read is aligned as read then, with its features,
      // from pass 1's path (as `untm align` does).
      std::optional<FirstPassDocument> kept = take_kept(pair.id);
      const SplitPair split =
          kept ? std::move(kept->pair) : read_listed_pair(storage_, pair, settings_, &outcome.input_bytes);
      if (kept) outcome.input_bytes = split.input_bytes;
      const AlignedDocument aligned =
          kept ? align_pair(split, from_first_pass(*kept), pair.id) : align_pair(split, align_options_, pair.id);
      if (!settings_.links_dir.empty()) {
        write_output(storage_, OutputKind::links, aligned.id, format_links(links_of(aligned)));
      }
      outcome.pair_count = aligned.pairs.size();
      outcome.warnings = split.warnings;
      outcome.payload = batch::encode_document_payload(
          bundle::encode_document(aligned, header_, bundle::kDefaultCompressionLevel));
    } catch (const InputError& error) {
      outcome.failed = true;
      outcome.failed_file = error.source();
      outcome.failure_reason = error.offset() ? fmt::format("byte {}: {}", *error.offset(), error.message())
                                              : error.message();
    } catch (const OutputError&) {
      throw;  // not this document's fault: every later one would hit it too
    } catch (const std::bad_alloc&) {
      outcome.failed = true;
      outcome.failure_reason = "ran out of memory writing its output";
    } catch (const std::exception& error) {
      // One document must never stop the batch, not even by hitting a bug.
      outcome.failed = true;
      outcome.failure_reason = fmt::format("internal error: {}", error.what());
    }
    if (outcome.failed) {
      outcome.payload.clear();
      outcome.inputs = input_fingerprint(storage_, pair);
    }
    return outcome;
  }

 private:
  std::optional<FirstPassDocument> take_kept(const std::string& id) const {
    const std::lock_guard lock(kept_mutex_);
    const auto found = kept_.find(id);
    if (found == kept_.end()) return std::nullopt;
    FirstPassDocument document = std::move(found->second);
    kept_.erase(found);
    return document;
  }
  AlignOptions from_first_pass(FirstPassDocument& kept) const {
    AlignOptions options = align_options_;
    if (kept.features != nullptr) options.sentence_features = std::move(kept.features);
    options.initial_links = std::move(kept.links);
    return options;
  }

  const BatchSettings& settings_;
  const AlignOptions& align_options_;
  mutable std::mutex kept_mutex_;
  mutable FirstPassDocuments kept_;
  const format::TmxHeader& header_;
  BatchStorage& storage_;
};

// Each document's input bytes (both sides), 0 when unknown.
std::vector<std::uint64_t> input_sizes(const std::vector<batch::DocumentPair>& documents, BatchStorage& storage) {
  std::vector<std::uint64_t> sizes;
  sizes.reserve(documents.size());
  for (const auto& pair : documents) sizes.push_back(storage.size(pair.first_path) + storage.size(pair.second_path));
  return sizes;
}

struct JournalState {
  std::size_t finished = 0;      // documents 0 .. finished-1 are in the journal
  std::uint64_t valid_size = 0;  // bytes to keep; 0: start a new journal
  std::string creation_date;
  ProgressCounts counts;
};

JournalState read_existing_journal(const std::vector<batch::DocumentPair>& documents, BatchStorage& storage,
                                   const std::string& fingerprint) {
  const auto in = storage.open(WorkFile::journal);
  batch::JournalReader reader(*in, storage.name(WorkFile::journal));
  if (reader.fingerprint() != fingerprint) {
    throw ResumeRefused(storage.name(WorkFile::journal), ResumeRefused::Reason::other_batch, reader.creation_date());
  }
  JournalState state;
  state.creation_date = reader.creation_date();
  std::uint64_t before_record = reader.valid_size();
  while (auto record = reader.next()) {
    if (record->failed && (record->index >= documents.size() || record->inputs.empty() ||
                           record->inputs != input_fingerprint(storage, documents[record->index]))) {
      // Its inputs changed since (or the journal cannot tell): align it
      // again, and (the journal stays in list order) every document after it.
      state.valid_size = before_record;
      return state;
    }
    before_record = reader.valid_size();
    ++state.finished;
    state.counts.documents_done++;
    state.counts.documents_failed += record->failed;
    state.counts.pairs += record->pair_count;
    state.counts.input_bytes += record->input_bytes;
  }
  state.valid_size = reader.valid_size();
  return state;
}

// Where this run starts: after the journal's documents when resuming, else
// from nothing (and without the lexicon of an earlier batch).
JournalState starting_state(const std::vector<batch::DocumentPair>& documents, const BatchRun& run,
                            BatchStorage& storage, const std::string& fingerprint, BatchObserver& observer) {
  const bool journal_exists = storage.exists(WorkFile::journal);
  if (journal_exists && !run.resume) observer.starting_over();
  if (run.resume && journal_exists) {
    JournalState state = read_existing_journal(documents, storage, fingerprint);
    if (run.creation_date && *run.creation_date != state.creation_date) {
      throw ResumeRefused(storage.name(WorkFile::journal), ResumeRefused::Reason::other_date, state.creation_date);
    }
    return state;
  }
  JournalState state;
  state.creation_date = run.creation_date.value_or(format::tmx_date(std::chrono::system_clock::now()));
  // A lexicon is reused only by the resumed run of the batch that learned it.
  storage.remove(WorkFile::lexicon);
  return state;
}

// The source key of the lexicon work file's image (lexicon_image.h).
constexpr std::uint64_t kWorkLexiconKey = 0x756e746d2d776f72;  // "untm-wor"

// The alignment options of pass 2. The lexicon goes through its work file
// and is read back from it, so that a resumed batch (which finds the file)
// aligns with exactly the same lexicon without learning again. The file is
// a lexicon image: writing a dictionary's 120k entries as text and parsing
// them back was 4% of a 10-document batch.
// Pass 1's documents that are among `to_align` go to `kept`.
AlignOptions batch_alignment(const std::vector<batch::DocumentPair>& whole_list,
                             std::span<const batch::DocumentPair> to_align, const BatchSettings& settings,
                             unsigned threads, BatchStorage& storage, BatchObserver& observer,
                             FirstPassDocuments& kept) {
  const LexiconSettings& lexicon_settings = settings.lexicon;
  AlignOptions options;
  options.posterior_decoding = settings.posterior_decoding;
  if (!lexicon_settings.learn && lexicon_settings.dictionary.empty() && lexicon_settings.lexicon.empty() &&
      lexicon_settings.save_lexicon.empty()) {
    return options;
  }
  if (!storage.exists(WorkFile::lexicon)) {
    const auto read = [&storage](const std::string& name) { return storage.read(name); };
    const auto source = [&](std::size_t index) { return read_listed_pair(storage, whole_list[index], settings); };
    std::unordered_set<std::string_view> aligned_here;
    for (const auto& pair : to_align) aligned_here.insert(pair.id);
    const KeptDocuments keep{kKeptFirstPassBytes,
                             [&](std::size_t index) { return aligned_here.contains(whole_list[index].id); }};
    LexiconStep step =
        run_lexicon_step(lexicon_settings, read, whole_list.size(), source, options, threads, &observer, keep);
    for (auto& [index, document] : step.first_pass_documents) kept.emplace(whole_list[index].id, std::move(document));
    // Saved before the work file: a run that finds the work file has saved it.
    if (!lexicon_settings.save_lexicon.empty()) {
      write_output(storage, OutputKind::lexicon, lexicon_settings.save_lexicon, lexicon::write_lexicon(step.to_save));
    }
    storage.replace(WorkFile::lexicon, lexicon::write_lexicon_image(step.known, kWorkLexiconKey));
    // The model learning made is the one the work file makes (same entries,
    // same word ids): no need to read it back.
    if (step.model) {
      if (auto evidence = lexical_evidence(step, lexicon_settings, options.first_language)) {
        options.evidence.push_back(std::move(evidence));
      }
      return options;
    }
  }
  std::string text;
  {
    const auto in = storage.open(WorkFile::lexicon);
    std::ostringstream bytes;  // whole buffers at a time, not byte by byte
    bytes << in->rdbuf();
    text = std::move(bytes).str();
  }
  // An image (lexicon_image.h); a text lexicon from a batch begun by an
  // earlier untm, which a resume still reads.
  std::optional<lexicon::Lexicon> image = lexicon::read_lexicon_image(text, kWorkLexiconKey);
  const auto lexicon = image ? std::move(*image) : lexicon::read_lexicon(text, storage.name(WorkFile::lexicon));
  if (auto evidence = lexical_evidence(lexicon, lexicon_settings, options.first_language)) {
    options.evidence.push_back(std::move(evidence));
  }
  return options;
}

// Pass 2: aligns documents state.finished.. on the pool and journals each in
// list order.
void align_remaining(const std::vector<batch::DocumentPair>& documents, const DocumentAligner& align_document,
                     const JournalState& state, unsigned threads, JournalSink& journal, BatchStorage& storage,
                     BatchObserver& observer) {
  ProgressCounts counts = state.counts;
  const std::vector<std::uint64_t> sizes = input_sizes(documents, storage);
  observer.aligning_started(documents.size(), std::accumulate(sizes.begin(), sizes.end(), std::uint64_t{0}), counts);
  OrderedRunOptions run_options;
  run_options.threads = threads;
  run_options.window = 4 * static_cast<std::size_t>(std::max(threads, 1u));
  run_options.size = [&sizes](std::size_t index) { return static_cast<double>(sizes[index]); };
  run_in_order<DocumentOutcome>(
      state.finished, documents.size(), run_options,
      [&](std::size_t index) { return align_document(index, documents[index]); },
      [&](std::size_t, DocumentOutcome& outcome) {
        journal.append(batch::encode_journal_record(outcome));
        counts.documents_done++;
        counts.documents_failed += outcome.failed;
        counts.pairs += outcome.pair_count;
        counts.input_bytes += outcome.input_bytes;
        observer.aligning_progress(counts);
      },
      [&] { observer.aligning_progress(counts); });
  observer.aligning_finished(counts);
}

// Streams the journal into the bundle (in document order: the journal is
// written in that order), the report and the summary.
BatchSummary write_outputs(const std::vector<batch::DocumentPair>& documents,
                           const std::vector<batch::UnpairedFile>& unpaired, const BatchRun& run,
                           const format::TmxHeader& header, BatchStorage& storage) {
  BatchSummary summary;
  summary.documents = documents.size();
  const std::string journal_name = storage.name(WorkFile::journal);
  const auto in = storage.open(WorkFile::journal);
  batch::JournalReader reader(*in, journal_name);

  const auto bundle_sink = storage.create(OutputKind::bundle, "");
  SinkStreambuf bundle_buffer(*bundle_sink);
  std::ostream bundle_stream(&bundle_buffer);
  bundle_stream.exceptions(std::ios::badbit);
  bundle::BundleWriter writer(bundle_stream, header, bundle::kDefaultCompressionLevel);
  const auto report = run.report ? storage.create(OutputKind::report, "") : nullptr;
  while (auto record = reader.next()) {
    if (report) report->write(report_line(documents.at(record->index), *record));
    if (record->failed) {
      summary.failed.push_back({record->id, record->failed_file, record->failure_reason});
      continue;
    }
    writer.append(batch::decode_document_payload(record->payload, journal_name));
    for (std::string& warning : record->warnings) summary.warnings.push_back({record->id, std::move(warning)});
    ++summary.aligned;
    summary.pairs += record->pair_count;
    summary.input_bytes += record->input_bytes;
  }
  if (reader.stopped_at_torn_record() || summary.aligned + summary.failed.size() != documents.size()) {
    throw InputError(journal_name, "the journal lost documents while the batch ran (was it changed by another process?)");
  }
  writer.finish();
  bundle_stream.flush();
  bundle_sink->commit();
  if (report) {
    for (const auto& file : unpaired) report->write(report_line(file));
    report->commit();
  }
  return summary;
}

}  // namespace

ResumeRefused::ResumeRefused(std::string source, Reason reason, std::string journal_date)
    : InputError(std::move(source), reason == Reason::other_batch
                                        ? "this journal belongs to another batch (other documents or settings)"
                                        : "the journal's batch was started with creation date " + journal_date),
      reason_(reason),
      journal_date_(std::move(journal_date)) {}

std::string batch_fingerprint(const std::vector<batch::DocumentPair>& documents, const BatchSettings& settings) {
  return batch::batch_fingerprint(documents, to_json(settings.fields()));
}

std::string batch_fingerprint(const std::vector<batch::DocumentPair>& documents, const BatchSettings& settings,
                              BatchStorage& storage) {
  const auto identify = [&storage](std::string& name) {
    if (!name.empty()) name = storage.identity(name);
  };
  std::vector<batch::DocumentPair> identified = documents;
  for (auto& pair : identified) {
    identify(pair.first_path);
    identify(pair.second_path);
  }
  BatchSettings identified_settings = settings;
  identify(identified_settings.links_dir);
  // The dictionary by its content: the default one is found, not named, so a
  // resume after it was replaced (or in another environment) would otherwise
  // go on with another lexicon under the same name.
  std::string& dictionary = identified_settings.lexicon.dictionary;
  if (!dictionary.empty()) dictionary = fmt::format("fnv1a64 {:016x}", fnv1a64(storage.read(dictionary)));
  identify(identified_settings.lexicon.lexicon);
  identify(identified_settings.lexicon.save_lexicon);
  return batch_fingerprint(identified, identified_settings);
}

BatchSummary run_batch_job(const std::vector<batch::DocumentPair>& documents,
                           const std::vector<batch::DocumentPair>& whole_list,
                           const std::vector<batch::UnpairedFile>& unpaired, const BatchSettings& settings,
                           const BatchRun& run, BatchStorage& storage, BatchObserver& observer) {
  const std::string fingerprint = batch_fingerprint(documents, settings, storage);
  const JournalState state = starting_state(documents, run, storage, fingerprint, observer);
  format::TmxHeader header;
  header.creation_date = state.creation_date;
  header.srclang = settings.srclang;
  {
    // The journal exists from the start, so a batch killed while learning
    // resumes as well.
    const auto journal =
        storage.append_journal(state.valid_size);
    if (state.valid_size == 0) journal->append(batch::encode_journal_header(fingerprint, state.creation_date));
    FirstPassDocuments kept;
    const AlignOptions align_options =
        state.finished == documents.size()
            ? AlignOptions{}
            : batch_alignment(whole_list, std::span(documents).subspan(state.finished), settings, run.threads, storage,
                              observer, kept);
    const DocumentAligner align_document(settings, align_options, std::move(kept), header, storage);
    align_remaining(documents, align_document, state, run.threads, *journal, storage, observer);
    journal->close();
  }
  BatchSummary summary = write_outputs(documents, unpaired, run, header, storage);
  summary.resumed = state.finished - state.counts.documents_failed;
  storage.remove(WorkFile::journal);
  storage.remove(WorkFile::lexicon);
  return summary;
}

}  // namespace untm::pipeline
