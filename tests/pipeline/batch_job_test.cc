// The batch job with storage in memory: list order, failures, journal
// replay after a kill, and what a resume refuses.
#include "pipeline/batch_job.h"

#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "bundle/reader.h"
#include "core/error.h"

using namespace untm;
using namespace untm::pipeline;

namespace {

// Stands for a SIGKILL: thrown by the journal once it holds enough.
struct Killed : std::runtime_error {
  Killed() : std::runtime_error("killed") {}
};

class MemoryStorage final : public BatchStorage {
 public:
  std::map<std::string, std::string> inputs;
  std::map<std::string, std::string> outputs;  // "bundle:", "links:ID", ...
  std::map<WorkFile, std::string> work;
  std::size_t document_reads = 0;
  // Journal appends (the header is one) after which the next one "kills" the run.
  std::size_t appends_before_kill = static_cast<std::size_t>(-1);

  std::string read(const std::string& name) override {
    const std::lock_guard lock(mutex_);
    const auto found = inputs.find(name);
    if (found == inputs.end()) throw InputError(name, "cannot open: No such file or directory");
    ++document_reads;
    return found->second;
  }
  // Other spellings of one input ("./a.zh" for "a.zh"), for identity().
  std::map<std::string, std::string> aliases;
  std::string identity(const std::string& name) override {
    const auto found = aliases.find(name);
    return found == aliases.end() ? name : found->second;
  }
  std::uint64_t size(const std::string& name) override {
    const std::lock_guard lock(mutex_);
    return inputs.count(name) ? inputs[name].size() : 0;
  }
  std::unique_ptr<OutputSink> create(OutputKind kind, const std::string& name) override {
    static const char* kinds[] = {"bundle:", "report:", "links:", "lexicon:"};
    return std::make_unique<Sink>(*this, kinds[static_cast<int>(kind)] + name);
  }
  std::string name(WorkFile file) override { return file == WorkFile::journal ? "journal" : "lexicon"; }
  bool exists(WorkFile file) override { return work.count(file) != 0; }
  std::unique_ptr<std::istream> open(WorkFile file) override {
    return std::make_unique<std::istringstream>(work.at(file));
  }
  std::unique_ptr<JournalSink> append_journal(std::uint64_t keep_bytes) override {
    std::string& journal = work[WorkFile::journal];
    journal.resize(keep_bytes);
    return std::make_unique<Journal>(*this);
  }
  void replace(WorkFile file, std::string_view bytes) override { work[file] = std::string(bytes); }
  void remove(WorkFile file) override { work.erase(file); }

 private:
  class Sink final : public OutputSink {
   public:
    Sink(MemoryStorage& storage, std::string key) : storage_(storage), key_(std::move(key)) {}
    void write(std::string_view bytes) override { bytes_ += bytes; }
    void commit() override {
      const std::lock_guard lock(storage_.mutex_);
      storage_.outputs[key_] = bytes_;
    }

   private:
    MemoryStorage& storage_;
    std::string key_;
    std::string bytes_;
  };
  class Journal final : public JournalSink {
   public:
    explicit Journal(MemoryStorage& storage) : storage_(storage) {}
    void append(std::string_view bytes) override {
      if (storage_.appends_before_kill-- == 0) throw Killed();
      storage_.work[WorkFile::journal] += bytes;
    }
    void close() override {}

   private:
    MemoryStorage& storage_;
  };

  std::mutex mutex_;
};

class SilentObserver final : public BatchObserver {
 public:
  int starting_over_calls = 0;
  std::size_t done_at_start = 0;  // documents this run did not align (from the journal)
  void starting_over() override { ++starting_over_calls; }
  void learning_started(std::size_t, std::size_t) override {}
  void learning_progress(std::size_t, std::uint64_t) override {}
  void learning_pass_finished(std::size_t, std::uint64_t) override {}
  void learning_finished(std::size_t, std::uint64_t) override {}
  void aligning_started(std::size_t, std::uint64_t, const ProgressCounts& at_start) override {
    done_at_start = at_start.documents_done;
  }
  void aligning_progress(const ProgressCounts&) override {}
  void aligning_finished(const ProgressCounts&) override {}
};

// Three presplit pairs a, b, c; `missing` names one side left out.
std::vector<batch::DocumentPair> add_documents(MemoryStorage& storage, const std::string& missing = "") {
  std::vector<batch::DocumentPair> list;
  for (const std::string id : {"a", "b", "c"}) {
    list.push_back({id, id + ".zh", id + ".en"});
    storage.inputs[id + ".zh"] = "第一届会议于" + id + "日开幕。\n会议通过了议程。\n";
    storage.inputs[id + ".en"] = "The first session opened on day " + id + ".\nThe meeting adopted its agenda.\n";
  }
  storage.inputs.erase(missing);
  return list;
}

BatchSettings presplit_settings() {
  BatchSettings settings;
  settings.presplit = true;
  settings.lexicon.learn = false;
  return settings;
}

BatchRun fixed_date_run(unsigned threads) {
  BatchRun run;
  run.threads = threads;
  run.creation_date = "20260101T000000Z";
  return run;
}

std::vector<std::string> bundle_ids(const std::string& bytes) {
  std::istringstream in(bytes);
  bundle::BundleReader reader(in, "bundle");
  std::vector<std::string> ids;
  for (const auto& entry : reader.documents()) ids.push_back(entry.id);
  return ids;
}

// A batch of a, b, c killed once the journal holds its header and `records`.
void kill_batch(MemoryStorage& storage, std::size_t records, const BatchSettings& settings,
                const std::string& missing = "") {
  const auto list = add_documents(storage, missing);
  storage.appends_before_kill = 1 + records;
  SilentObserver observer;
  REQUIRE_THROWS_AS(run_batch_job(list, list, {}, settings, fixed_date_run(1), storage, observer), Killed);
  storage.appends_before_kill = static_cast<std::size_t>(-1);
}

}  // namespace

TEST_CASE("a batch writes its documents in list order; a failing one is only listed", "[pipeline][batch]") {
  MemoryStorage storage;
  const auto list = add_documents(storage, "b.en");
  BatchRun run = fixed_date_run(3);
  run.report = true;
  SilentObserver observer;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), run, storage, observer);
  CHECK(summary.aligned == 2);
  REQUIRE(summary.failed.size() == 1);
  CHECK(summary.failed[0].id == "b");
  CHECK(summary.failed[0].file == "b.en");
  CHECK(bundle_ids(storage.outputs.at("bundle:")) == std::vector<std::string>{"a", "c"});
  CHECK(storage.outputs.at("report:").find("\"id\":\"b\"") < storage.outputs.at("report:").find("\"id\":\"c\""));
  CHECK(storage.work.empty());  // journal and lexicon removed
}

TEST_CASE("a resumed batch aligns only what the killed run left, and writes the same bundle", "[pipeline][batch]") {
  MemoryStorage whole;
  const auto list = add_documents(whole);
  SilentObserver observer;
  run_batch_job(list, list, {}, presplit_settings(), fixed_date_run(2), whole, observer);

  MemoryStorage storage;
  kill_batch(storage, 1, presplit_settings());
  storage.document_reads = 0;
  BatchRun resume = fixed_date_run(2);
  resume.resume = true;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
  CHECK(summary.resumed == 1);
  CHECK(summary.aligned == 3);
  CHECK(storage.document_reads == 4);  // b and c, two sides each
  CHECK(storage.outputs.at("bundle:") == whole.outputs.at("bundle:"));
}

TEST_CASE("a learning batch reads each input once: pass 2 aligns what pass 1 read, as read again",
          "[pipeline][batch]") {
  BatchSettings learning = presplit_settings();
  learning.lexicon.learn = true;
  MemoryStorage whole;
  const auto list = add_documents(whole);
  SilentObserver observer;
  BatchRun run = fixed_date_run(2);
  run.report = true;
  const BatchSummary once = run_batch_job(list, list, {}, learning, run, whole, observer);
  CHECK(whole.document_reads == 6);  // pass 1 read a, b and c; pass 2 read nothing again
  std::uint64_t input_bytes = 0;
  for (const auto& [name, bytes] : whole.inputs) input_bytes += bytes.size();
  CHECK(once.input_bytes == input_bytes);

  // A resume after learning reads every document in pass 2: the same bundle.
  MemoryStorage resumed;
  kill_batch(resumed, 0, learning);
  REQUIRE(resumed.work.count(WorkFile::lexicon) == 1);
  resumed.document_reads = 0;
  BatchRun resume = fixed_date_run(2);
  resume.resume = true;
  resume.report = true;
  run_batch_job(list, list, {}, learning, resume, resumed, observer);
  CHECK(resumed.document_reads == 6);
  CHECK(resumed.outputs.at("bundle:") == whole.outputs.at("bundle:"));
  CHECK(resumed.outputs.at("report:") == whole.outputs.at("report:"));  // input bytes included

  // A shard learns over the whole list; its own document is not read again.
  MemoryStorage shard;
  add_documents(shard);
  const std::vector<batch::DocumentPair> b_only = {list[1]};
  run_batch_job(b_only, list, {}, learning, fixed_date_run(1), shard, observer);
  CHECK(shard.document_reads == 6);
  CHECK(bundle_ids(shard.outputs.at("bundle:")) == std::vector<std::string>{"b"});
}

TEST_CASE("a torn journal record is cut off and its document aligned again", "[pipeline][batch]") {
  MemoryStorage storage;
  kill_batch(storage, 2, presplit_settings());
  storage.work[WorkFile::journal] += "UJR1\x01";  // a record the kill tore
  const auto list = add_documents(storage);
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  SilentObserver observer;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
  CHECK(summary.resumed == 2);
  CHECK(bundle_ids(storage.outputs.at("bundle:")) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("a resume reads the text lexicon work file an earlier untm left, as it does the image", "[pipeline][batch]") {
  // A saved lexicon whose strengths text writes exactly: the work file holds
  // the same entries in the same order, as an image or as that text.
  const std::string saved = "# untm lexicon 1\n会议\tmeeting\t1\n议程\tagenda\t0.5\n";
  BatchSettings settings = presplit_settings();
  settings.lexicon.lexicon = "saved.lexicon";
  MemoryStorage whole;
  whole.inputs["saved.lexicon"] = saved;
  const auto list = add_documents(whole);
  SilentObserver observer;
  run_batch_job(list, list, {}, settings, fixed_date_run(1), whole, observer);

  MemoryStorage storage;
  storage.inputs["saved.lexicon"] = saved;
  kill_batch(storage, 1, settings);
  REQUIRE(storage.work.count(WorkFile::lexicon) == 1);
  CHECK(storage.work.at(WorkFile::lexicon).find("untm-lexicon-image") == 0);
  storage.work[WorkFile::lexicon] = saved;
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  const BatchSummary summary = run_batch_job(list, list, {}, settings, resume, storage, observer);
  CHECK(summary.resumed == 1);
  CHECK(storage.outputs.at("bundle:") == whole.outputs.at("bundle:"));
  // And the lexicon mattered: without it the bundle differs.
  MemoryStorage plain;
  add_documents(plain);
  run_batch_job(list, list, {}, presplit_settings(), fixed_date_run(1), plain, observer);
  CHECK(plain.outputs.at("bundle:") != whole.outputs.at("bundle:"));
}

TEST_CASE("a resume with another srclang, or another date, is refused", "[pipeline][batch]") {
  MemoryStorage storage;
  kill_batch(storage, 1, presplit_settings());
  const auto list = add_documents(storage);
  SilentObserver observer;
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  BatchSettings other_srclang = presplit_settings();
  other_srclang.srclang = "zh";
  try {
    run_batch_job(list, list, {}, other_srclang, resume, storage, observer);
    FAIL("resumed a journal written with srclang en");
  } catch (const ResumeRefused& refused) {
    CHECK(refused.reason() == ResumeRefused::Reason::other_batch);
  }
  resume.creation_date = "20270101T000000Z";
  try {
    run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
    FAIL("resumed a journal written with another date");
  } catch (const ResumeRefused& refused) {
    CHECK(refused.reason() == ResumeRefused::Reason::other_date);
    CHECK(refused.journal_date() == "20260101T000000Z");
  }
}

TEST_CASE("a resume aligns a document that failed again: its input may have been fixed", "[pipeline][batch]") {
  MemoryStorage storage;
  kill_batch(storage, 2, presplit_settings(), "b.en");  // a done, b failed
  const auto list = add_documents(storage);            // b.en is back
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  SilentObserver observer;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
  CHECK(summary.failed.empty());
  CHECK(summary.resumed == 1);
  CHECK(bundle_ids(storage.outputs.at("bundle:")) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("a resume keeps a failed document whose inputs did not change, and what follows it", "[pipeline][batch]") {
  MemoryStorage storage;
  const auto list = add_documents(storage);
  storage.inputs["b.zh"] = "The English text given as Chinese, twice over.\nIt is refused.\n";
  storage.appends_before_kill = 1 + 2;  // a done, b failed, killed before c
  SilentObserver observer;
  REQUIRE_THROWS_AS(run_batch_job(list, list, {}, presplit_settings(), fixed_date_run(1), storage, observer), Killed);
  storage.appends_before_kill = static_cast<std::size_t>(-1);
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
  CHECK(observer.done_at_start == 2);  // only c aligned
  CHECK(summary.resumed == 1);
  REQUIRE(summary.failed.size() == 1);
  CHECK(summary.failed[0].file == "b.zh");
  CHECK(summary.failed[0].reason.find("given as Chinese") != std::string::npos);
  CHECK(bundle_ids(storage.outputs.at("bundle:")) == std::vector<std::string>{"a", "c"});
}

TEST_CASE("a resume retries a failed document whose input changed to the same size", "[pipeline][batch]") {
  MemoryStorage storage;
  const auto list = add_documents(storage);
  storage.inputs["b.zh"] = "The English text given as Chinese.\n";
  storage.appends_before_kill = 1 + 2;
  SilentObserver observer;
  REQUIRE_THROWS_AS(run_batch_job(list, list, {}, presplit_settings(), fixed_date_run(1), storage, observer), Killed);
  storage.appends_before_kill = static_cast<std::size_t>(-1);
  storage.inputs["b.zh"] = "The English text given as Chinesf.\n";  // one letter changed
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
  CHECK(observer.done_at_start == 1);  // b aligned again (and fails again), then c
  CHECK(summary.failed.size() == 1);
}

TEST_CASE("warnings about a document reach the summary and the report, and survive a resume", "[pipeline][batch]") {
  MemoryStorage storage;
  const auto list = add_documents(storage);
  storage.inputs["b.en"] = "";
  storage.appends_before_kill = 1 + 2;  // a and b journaled
  SilentObserver observer;
  BatchRun run = fixed_date_run(1);
  run.report = true;
  REQUIRE_THROWS_AS(run_batch_job(list, list, {}, presplit_settings(), run, storage, observer), Killed);
  storage.appends_before_kill = static_cast<std::size_t>(-1);
  run.resume = true;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), run, storage, observer);
  CHECK(summary.failed.empty());
  REQUIRE(summary.warnings.size() == 1);
  CHECK(summary.warnings[0].id == "b");
  CHECK(summary.warnings[0].warning == "b.en: no text, nothing to align");
  const std::string& report = storage.outputs.at("report:");
  CHECK(report.find(R"("id":"b",)") != std::string::npos);
  CHECK(report.find(R"("warnings":["b.en: no text, nothing to align"]})") != std::string::npos);
  CHECK(report.find(R"("id":"c","zh":"c.zh","en":"c.en","status":"aligned","pairs":2,"bytes":)") !=
        std::string::npos);
}

TEST_CASE("a resume knows the batch by the files it reads, however they are spelled", "[pipeline][batch]") {
  MemoryStorage storage;
  kill_batch(storage, 1, presplit_settings());
  auto list = add_documents(storage);
  for (auto& pair : list) {
    for (std::string* side : {&pair.first_path, &pair.second_path}) {
      storage.aliases["/work/" + *side] = *side;
      storage.inputs["/work/" + *side] = storage.inputs.at(*side);
      *side = "/work/" + *side;
    }
  }
  BatchRun resume = fixed_date_run(1);
  resume.resume = true;
  SilentObserver observer;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), resume, storage, observer);
  CHECK(summary.resumed == 1);
  CHECK(summary.aligned == 3);
}

TEST_CASE("without resume, an interrupted run's journal is started over", "[pipeline][batch]") {
  MemoryStorage storage;
  kill_batch(storage, 2, presplit_settings());
  const auto list = add_documents(storage);
  storage.document_reads = 0;
  SilentObserver observer;
  const BatchSummary summary = run_batch_job(list, list, {}, presplit_settings(), fixed_date_run(1), storage, observer);
  CHECK(observer.starting_over_calls == 1);
  CHECK(summary.resumed == 0);
  CHECK(storage.document_reads == 6);
}

TEST_CASE("every batch setting is part of the journal's fingerprint", "[pipeline][batch][settings]") {
  const std::vector<batch::DocumentPair> list = {{"a", "a.zh", "a.en"}};
  const std::string base = batch_fingerprint(list, BatchSettings{});
  const std::vector<void (*)(BatchSettings&)> changes = {
      [](BatchSettings& s) { s.presplit = true; },
      [](BatchSettings& s) { s.input_format = read::InputFormat::text; },
      [](BatchSettings& s) { s.srclang = "zh"; },
      [](BatchSettings& s) { s.links_dir = "links"; },
      [](BatchSettings& s) { s.posterior_decoding = false; },
      [](BatchSettings& s) { s.lexicon.dictionary = "cedict"; },
      [](BatchSettings& s) { s.lexicon.lexicon = "saved.lexicon"; },
      [](BatchSettings& s) { s.lexicon.save_lexicon = "out.lexicon"; },
      [](BatchSettings& s) { s.lexicon.learn = false; },
      [](BatchSettings& s) { s.lexicon.sample_documents = 10; },
      [](BatchSettings& s) { s.lexicon.training_pairs = 500; },
      [](BatchSettings& s) { s.lexicon.lexical_weight = 0.25; },
  };
  CHECK(BatchSettings{}.fields().size() == changes.size());
  for (const auto& change : changes) {
    BatchSettings settings;
    change(settings);
    CHECK(batch_fingerprint(list, settings) != base);
  }
}

TEST_CASE("settings serialize as one JSON object of named fields", "[pipeline][settings]") {
  BatchSettings settings;
  settings.links_dir = "a \"b\"";
  const std::string json = to_json(settings.fields());
  CHECK(json.starts_with("{\"presplit\":\"false\",\"input_format\":\"auto\",\"srclang\":\"en\",\"links_dir\":\"a \\\"b\\\"\","));
  CHECK(json.find("\"lexicon.learn\":\"true\"") != std::string::npos);
  CHECK(json.ends_with("}"));
}

TEST_CASE("the fingerprint knows the dictionary by its content, not its name", "[pipeline][batch][settings]") {
  const std::vector<batch::DocumentPair> list = {{"a", "a.zh", "a.en"}};
  MemoryStorage storage;
  storage.inputs["old/cedict_ts.u8"] = "傳統 传统 [chuan2 tong3] /tradition/\n";
  storage.inputs["new/cedict_ts.u8"] = storage.inputs["old/cedict_ts.u8"];
  storage.inputs["other.u8"] = "和平 和平 [he2 ping2] /peace/\n";
  const auto fingerprint = [&](const std::string& dictionary) {
    BatchSettings settings;
    settings.lexicon.dictionary = dictionary;
    return batch_fingerprint(list, settings, storage);
  };
  // Moved to the XDG data folder: the same dictionary, a resume may go on.
  CHECK(fingerprint("old/cedict_ts.u8") == fingerprint("new/cedict_ts.u8"));
  CHECK(fingerprint("old/cedict_ts.u8") != fingerprint("other.u8"));
  CHECK(fingerprint("old/cedict_ts.u8") != fingerprint(""));
  // Replaced in place (a newer CC-CEDICT): another batch.
  const std::string before = fingerprint("old/cedict_ts.u8");
  storage.inputs["old/cedict_ts.u8"] += "和平 和平 [he2 ping2] /peace/\n";
  CHECK(fingerprint("old/cedict_ts.u8") != before);
}
