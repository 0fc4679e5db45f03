#include "text/script.h"

#include <fmt/format.h>

#include "core/characters.h"
#include "core/utf8.h"

namespace untm {

namespace {

bool is_latin_letter(char32_t c) noexcept {
  if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return true;
  // Latin-1 letters (not × and ÷), Latin Extended-A and -B.
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

}  // namespace

ScriptCounts count_scripts(std::string_view text) noexcept {
  ScriptCounts counts;
  for (std::size_t offset = 0; offset < text.size();) {
    const char32_t c = next_code_point(text, offset);
    if (is_han(c)) {
      ++counts.han;
    } else if (is_latin_letter(c)) {
      ++counts.latin;
    }
  }
  return counts;
}

std::optional<Language> language_by_script(const ScriptCounts& counts) noexcept {
  const std::size_t letters = counts.letters();
  if (letters < kMinLetters) return std::nullopt;
  if (counts.han * 100 >= letters * 30) return Language::zh;
  if (counts.han * 100 <= letters * 2) return Language::en;
  return std::nullopt;
}

std::string describe_scripts(const ScriptCounts& counts, Language found) {
  const std::size_t letters = counts.letters();
  if (letters == 0) return "it has no letters";
  const bool han = found == Language::zh;
  return fmt::format("{}% of its letters are {}", (han ? counts.han : counts.latin) * 100 / letters,
                     han ? "Chinese (Han)" : "Latin");
}

}  // namespace untm
