#pragma once
// What the batch job needs from the world outside the library, which the
// tool implements with files (tools/untm/batch_files.h) and the tests in
// memory: reading inputs by name, creating outputs that appear whole or not
// at all, and the work files beside the bundle (the resume journal and the
// lexicon a batch learned) that outlive a killed run. The library never
// opens a file itself.

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

namespace untm::pipeline {

// An output being written. Destroyed without commit(), it is dropped (a
// file's temporary copy removed). Write errors throw.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void write(std::string_view bytes) = 0;
  // Complete: make it visible under its name.
  virtual void commit() = 0;
};

// The journal being appended to.
class JournalSink {
 public:
  virtual ~JournalSink() = default;
  // Written through at once: a kill loses at most the record being written.
  virtual void append(std::string_view bytes) = 0;
  virtual void close() = 0;
};

enum class OutputKind {
  bundle,   // the .tmx.zst; name empty
  report,   // one JSON line per document; name empty
  links,    // one document's link file; name = the document id
  lexicon,  // the saved and learned lexicon; name = LexiconSettings::save_lexicon
};

enum class WorkFile { journal, lexicon };

class BatchStorage {
 public:
  virtual ~BatchStorage() = default;

  // An input's bytes (document sides, dictionary, lexicon) by the name the
  // document list or the settings give it. Throws InputError naming it.
  // Called from worker threads.
  virtual std::string read(const std::string& name) = 0;
  // What identifies the file `name` (an input, the dictionary, the links
  // folder) however it is spelled, for the resume fingerprint: files name it
  // by its absolute, resolved path. Default: the name itself.
  virtual std::string identity(const std::string& name) { return name; }
  // An input's size for the progress estimate; 0 when unknown.
  virtual std::uint64_t size(const std::string& name) = 0;

  // A new output. Called from worker threads for OutputKind::links.
  virtual std::unique_ptr<OutputSink> create(OutputKind kind, const std::string& name) = 0;

  // The work files. `name` is how messages and errors call one.
  virtual std::string name(WorkFile file) = 0;
  virtual bool exists(WorkFile file) = 0;
  // Throws InputError when it cannot be opened.
  virtual std::unique_ptr<std::istream> open(WorkFile file) = 0;
  // Appends to the journal after its first `keep_bytes` (a torn record
  // beyond them is cut off); 0 starts a new one.
  virtual std::unique_ptr<JournalSink> append_journal(std::uint64_t keep_bytes) = 0;
  // Replaces a work file whole (never half-written under its name).
  virtual void replace(WorkFile file, std::string_view bytes) = 0;
  virtual void remove(WorkFile file) = 0;
};

// A std::streambuf over an OutputSink, for writers that take a std::ostream
// (BundleWriter). Errors surface as the sink's exceptions when the ostream
// has exceptions(badbit) set.
class SinkStreambuf : public std::streambuf {
 public:
  explicit SinkStreambuf(OutputSink& sink) : sink_(sink) {}

 protected:
  int_type overflow(int_type character) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;

 private:
  OutputSink& sink_;
};

// Writes `bytes` as one whole output.
void write_output(BatchStorage& storage, OutputKind kind, const std::string& name, std::string_view bytes);

}  // namespace untm::pipeline
