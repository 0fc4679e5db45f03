// Fuzz target for the InterText alignment reader (lib/format/intertext): any
// bytes either parse or throw InputError; links that parse and fit the
// documents, written back as InterText XML, read back as the same links with
// the same marks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/error.h"
#include "core/link.h"
#include "format/intertext.h"

namespace {

// zh: paragraphs of 2, 0 and 3 sentences; en: 1 and 3 (ids 1:1 .. 2:3).
untm::SplitDocument document_of(untm::Language language, std::initializer_list<std::size_t> sizes) {
  untm::SplitDocument document;
  document.language = language;
  for (std::size_t size : sizes) document.paragraphs.push_back(untm::Paragraph{std::vector<untm::Sentence>(size)});
  return document;
}

const untm::SplitDocument kFirst = document_of(untm::Language::zh, {2, 0, 3});
const untm::SplitDocument kSecond = document_of(untm::Language::en, {1, 3});

// The fitted links and their marks, as --from-links takes them.
std::vector<untm::Link> read(std::string_view text, std::vector<bool>& manual) {
  const auto file_links = untm::format::parse_intertext_links(text, "fuzz.xml", kFirst, kSecond);
  manual.clear();
  for (const auto& link : file_links) manual.push_back(link.marks.manual());
  return untm::fit_links(file_links, 5, 4, "fuzz.xml");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<bool> manual;
  std::vector<untm::Link> links;
  try {
    links = read(text, manual);
  } catch (const untm::InputError&) {
    return 0;
  }
  untm::AlignedDocument document;
  for (std::size_t k = 0; k < links.size(); ++k) {
    untm::AlignedPair pair;
    pair.link = links[k];
    pair.origin = manual[k] ? untm::LinkOrigin::manual : untm::LinkOrigin::automatic;
    document.pairs.push_back(pair);
  }
  // What untm writes it must read: an exception here escapes, as a bug.
  const std::string again = untm::format::render_intertext_links(document, kFirst, kSecond, {"f.zh.xml", "f.en.xml"});
  std::vector<bool> manual_again;
  if (read(again, manual_again) != links || manual_again != manual) std::abort();
  return 0;
}
