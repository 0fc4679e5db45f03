#include "batch/pairing.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "core/types.h"

namespace untm::batch {

namespace {

struct NamedSide {
  std::string id;
  Language language;
};

std::string lowercase_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::optional<Language> language_of_tag(std::string_view tag) {
  const auto lower = lowercase_ascii(tag);
  if (lower == "zh") return Language::zh;
  if (lower == "en") return Language::en;
  return std::nullopt;
}

std::string join_folder(std::string_view folder, std::string_view name) {
  return folder.empty() ? std::string(name) : fmt::format("{}/{}", folder, name);
}

// Extensions of the formats untm reads; the format itself comes from the
// bytes, so these only keep the id free of them.
constexpr std::string_view kDocumentExtensions[] = {".txt", ".docx", ".pdf"};

std::string_view without_document_extension(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return name;
  const std::string extension = lowercase_ascii(name.substr(dot));
  for (const auto known : kDocumentExtensions) {
    if (extension == known) return name.substr(0, dot);
  }
  return name;
}

// The id and language a file's path states, if it follows one of the naming
// rules in pairing.h.
std::optional<NamedSide> read_name(std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? "" : path.substr(0, slash);
  const std::string_view file_name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::string_view stem = without_document_extension(file_name);

  // zh/NAME + en/NAME
  const auto parent_slash = folder.rfind('/');
  const std::string_view parent =
      parent_slash == std::string_view::npos ? folder : folder.substr(parent_slash + 1);
  if (const auto language = language_of_tag(parent)) {
    const std::string_view grandparent =
        parent_slash == std::string_view::npos ? "" : folder.substr(0, parent_slash);
    return NamedSide{join_folder(grandparent, stem), *language};
  }
  // NAME-ZH.txt, NAME.zh, NAME.zh.txt
  if (stem.size() > 3 && (stem[stem.size() - 3] == '-' || stem[stem.size() - 3] == '.')) {
    if (const auto language = language_of_tag(stem.substr(stem.size() - 2))) {
      return NamedSide{join_folder(folder, stem.substr(0, stem.size() - 3)), *language};
    }
  }
  return std::nullopt;
}

bool is_hidden(std::string_view path) {
  return path.starts_with('.') || path.find("/.") != std::string_view::npos;
}

}  // namespace

FolderPairing pair_files_by_name(const std::vector<std::string>& relative_paths) {
  struct Sides {
    std::vector<std::string> zh;
    std::vector<std::string> en;
  };
  std::map<std::string, Sides> sides_by_id;  // ordered: pairs come out sorted by id
  FolderPairing result;
  for (const auto& path : relative_paths) {
    if (is_hidden(path)) continue;
    if (path.size() > 4 && lowercase_ascii(path.substr(path.size() - 4)) == ".doc") {
      result.unpaired.push_back({path, "a legacy Word .doc, which untm cannot read: save it as .docx"});
      continue;
    }
    const auto named = read_name(path);
    if (!named) {
      result.unpaired.push_back(
          {path, "the name does not say the language (expected NAME-ZH.txt, NAME.zh or zh/NAME)"});
      continue;
    }
    auto& sides = sides_by_id[named->id];
    (named->language == Language::zh ? sides.zh : sides.en).push_back(path);
  }
  for (auto& [id, sides] : sides_by_id) {
    std::sort(sides.zh.begin(), sides.zh.end());
    std::sort(sides.en.begin(), sides.en.end());
    if (sides.zh.size() == 1 && sides.en.size() == 1) {
      result.pairs.push_back({id, sides.zh.front(), sides.en.front()});
      continue;
    }
    for (const auto& [own, other, own_name, other_name] :
         {std::tuple{&sides.zh, &sides.en, "Chinese", "English"},
          std::tuple{&sides.en, &sides.zh, "English", "Chinese"}}) {
      for (const auto& path : *own) {
        if (own->size() > 1) {
          result.unpaired.push_back(
              {path, fmt::format("{} {} files claim the id '{}'", own->size(), own_name, id)});
        } else if (other->empty()) {
          result.unpaired.push_back({path, fmt::format("no {} counterpart for '{}'", other_name, id)});
        } else {
          result.unpaired.push_back(
              {path, fmt::format("its {} counterpart is ambiguous ({} files claim '{}')", other_name,
                                 other->size(), id)});
        }
      }
    }
  }
  std::sort(result.unpaired.begin(), result.unpaired.end(),
            [](const UnpairedFile& a, const UnpairedFile& b) { return a.path < b.path; });
  return result;
}

}  // namespace untm::batch
