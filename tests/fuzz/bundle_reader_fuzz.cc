// libFuzzer target over the bundle reader: opening (index or scan), listing,
// verify, reading every document and parsing it (`untm bundle
// ls|verify|cat|export`). Bad input
// may throw InputError; anything else (a crash, a sanitizer report, another
// exception, unbounded memory) is a bug.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

#include "bundle/reader.h"
#include "core/error.h"

namespace {

// Counts what is written and keeps nothing: reading a document must not need
// the document in memory.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t written = 0;

 protected:
  int_type overflow(int_type character) override {
    ++written;
    return traits_type::not_eof(character);
  }
  std::streamsize xsputn(const char*, std::streamsize size) override {
    written += static_cast<std::size_t>(size);
    return size;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    untm::bundle::BundleReader reader(in, "fuzz.tmx.zst");
    std::size_t ids = 0;
    for (const auto& entry : reader.documents()) ids += entry.id.size();
    (void)reader.verify();
    CountingBuffer sink;
    std::ostream out(&sink);
    try {
      (void)reader.header_xml();
    } catch (const untm::InputError&) {
    }
    for (const auto& entry : reader.documents()) {
      try {
        const std::size_t before = sink.written;
        reader.read_document(entry, out);
        if (reader.find(entry.id) == nullptr) __builtin_trap();
        // Small documents also go through the TMX reader (`untm bundle export`).
        if (sink.written - before < (1u << 20)) (void)reader.document(entry);
      } catch (const untm::InputError&) {
      }
    }
    (void)ids;
  } catch (const untm::InputError&) {
  }
  return 0;
}
