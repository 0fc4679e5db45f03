#pragma once
// The languages of a document pair checked against its letters (issue #10),
// by read_pair: a side whose script contradicts the language it was given is
// refused with a message that names the file and what was found, and a pair
// that aligns but surely not as meant (an empty side, one side far longer
// than a translation of the other) gets a warning.

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace untm::pipeline {

enum class PairOrder { as_given, swapped };

// Throws InputError naming the side whose letters are clearly in another
// language than the one it was split in (text/script.h). With `may_swap`
// (the caller stated no languages) a pair whose two sides are clearly each
// other's language is not refused: the result says to read it swapped.
PairOrder check_pair_languages(const SplitPair& pair, const std::string& first_name, const std::string& second_name,
                               bool may_swap);

// English characters (without white space) per Chinese character in
// translations: 2.9 to 4.3 over the 12 documents of the gold sets, median
// 3.4; the length model re-estimates it per document.
inline constexpr double kEnglishPerChineseCharacter = 3.3;
// A side more than this many times longer (or shorter) than the expected
// ratio says is no translation of the other.
inline constexpr double kLengthMismatchFactor = 3.0;
// Below this many Chinese characters one sentence full of English names
// swings the ratio that far: no length warning for shorter documents.
inline constexpr std::size_t kMinCharactersForLengthCheck = 100;

// Warnings (without "warning:") for an empty side and for a Chinese-English
// pair whose lengths are kLengthMismatchFactor away from the expected ratio
// (from kMinCharactersForLengthCheck Chinese characters).
std::vector<std::string> pair_warnings(const SplitPair& pair, const std::string& first_name,
                                       const std::string& second_name);

}  // namespace untm::pipeline
