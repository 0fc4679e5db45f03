#include "core/types.h"

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

std::string_view origin_name(LinkOrigin origin) { return origin == LinkOrigin::manual ? "manual" : "auto"; }

std::optional<LinkOrigin> parse_origin(std::string_view name) {
  if (name == "auto") return LinkOrigin::automatic;
  if (name == "manual") return LinkOrigin::manual;
  return std::nullopt;
}

std::vector<Link> links_of(const AlignedDocument& document) {
  std::vector<Link> links;
  links.reserve(document.pairs.size());
  for (const AlignedPair& pair : document.pairs) links.push_back(pair.link);
  return links;
}

}  // namespace untm
