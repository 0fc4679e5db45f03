// Fuzz target for the readers of outside lexicon files (--dictionary in both
// formats, --lexicon) and for what is built from what they accept: the
// compiled model, and the lexical term over the input's own lines.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "lexicon/lexical_evidence.h"
#include "lexicon/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  untm::lexicon::Lexicon lexicon;
  try {
    lexicon = untm::lexicon::read_dictionary(text, "fuzz");
  } catch (const untm::InputError&) {
  }
  try {
    lexicon.add_all(untm::lexicon::read_lexicon(text, "fuzz"));
  } catch (const untm::InputError&) {
  }
  // The input's lines serve as both sides' sentences.
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size() && lines.size() < 64) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  const untm::lexicon::LexicalEvidenceFactory factory(std::make_shared<const untm::lexicon::LexicalModel>(lexicon),
                                                      {});
  const auto evidence = factory.make(lines, lines);
  for (std::size_t begin = 0; begin < lines.size(); ++begin) {
    for (std::size_t first_count = 0; first_count <= 3 && begin + first_count <= lines.size(); ++first_count) {
      for (std::size_t second_count = 0; second_count <= 3 && begin + second_count <= lines.size(); ++second_count)
        evidence->cost(begin, first_count, begin, second_count);
    }
  }
  return 0;
}
