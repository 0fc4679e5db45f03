#pragma once
// Which script a text is written in, to catch inputs given under the wrong
// language (issue #10): an English file passed as the Chinese side, two
// Chinese files, or the two sides in the other order all aligned silently and
// wrote Chinese under xml:lang="en".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"

namespace untm {

// Letters by script. Digits, punctuation and symbols count for neither: a
// Chinese UN document is full of numbers and (A/68/101)-style symbols.
struct ScriptCounts {
  std::size_t han = 0;    // Han code points (core/characters.h is_han)
  std::size_t latin = 0;  // Latin letters: ASCII, Latin-1 and Latin Extended-A/B
  std::size_t letters() const noexcept { return han + latin; }
  ScriptCounts& operator+=(const ScriptCounts& other) noexcept {
    han += other.han;
    latin += other.latin;
    return *this;
  }
};

ScriptCounts count_scripts(std::string_view text) noexcept;

// The language a text is clearly in by its letters, or nullopt when it is too
// short to tell (under kMinLetters) or a real mix. Chinese text quotes English
// names, acronyms and references, so it counts as Chinese from 30% Han
// letters; English text as English up to 2%. Between the two nothing is
// refused.
inline constexpr std::size_t kMinLetters = 20;
std::optional<Language> language_by_script(const ScriptCounts& counts) noexcept;

// "97% of its letters are Latin" for English, "42% of its letters are
// Chinese (Han)" for Chinese: what was found, for a message that names the
// file. (Chinese is named by its Han share even when it quotes more Latin
// letters: 42% Han is no English text.)
std::string describe_scripts(const ScriptCounts& counts, Language found);

}  // namespace untm
