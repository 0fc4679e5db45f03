#include "core/types.h"

#include <fmt/format.h>

namespace untm {

std::string_view language_code(Language language) {
  switch (language) {
    case Language::zh: return "zh";
    case Language::en: return "en";
  }
  return "und";
}

std::optional<Language> parse_language(std::string_view code) {
  if (code == "zh" || code == "zh-CN" || code == "zh-Hans") return Language::zh;
  if (code == "en" || code == "en-US" || code == "en-GB") return Language::en;
  return std::nullopt;
}

std::string link_type(const AlignedPair& pair) {
  return fmt::format("{}-{}", pair.first.sentence_count, pair.second.sentence_count);
}

}  // namespace untm
