// The outside bytes the batch layer reads: manifests (written by users) and
// resume journals (left by a killed run, possibly torn or damaged). The first
// byte picks the reader. Either may throw InputError; nothing else may go
// wrong (crash, overread, unbounded allocation).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "batch/journal.h"
#include "batch/manifest.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (data[0] % 2 == 0) {
      (void)untm::batch::parse_manifest(bytes, "fuzz.tsv");
    } else {
      std::istringstream in(bytes);
      untm::batch::JournalReader reader(in, "fuzz.journal");
      while (auto record = reader.next()) {
        if (!record->failed) (void)untm::batch::decode_document_payload(record->payload, "fuzz.journal");
      }
    }
  } catch (const untm::InputError&) {
  }
  return 0;
}
