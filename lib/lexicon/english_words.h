#pragma once
// English side of the lexical model: the words that carry meaning, in a
// normal form that a dictionary gloss, a learned lexicon and a sentence all
// share. Lower case, simple inflection folding (a light suffix stripper, not
// a linguistic stemmer: it only has to map "countries", "country" and
// "Country's" to one key), stop words out, numbers out (numbers are anchors,
// scored by the aligner's anchor term already).

#include <string>
#include <string_view>
#include <vector>

namespace untm::lexicon {

// The content words of `text` in normal form, in text order (repeats kept).
std::vector<std::string> english_content_words(std::string_view text);
// The same into `words` (cleared first), for callers that split many texts:
// reading CC-CEDICT split ~400,000 senses, each into a new vector.
void english_content_words(std::string_view text, std::vector<std::string>& words);

// The words of `text` as written, before normalization, into `tokens`
// (cleared first): what english_content_words normalizes one by one.
void english_tokens(std::string_view text, std::vector<std::string_view>& tokens);

// The normal form of one word (already split, any case); empty for a stop
// word or a word without letters.
std::string normalize_english_word(std::string_view word);
// The same into `normal` (its room reused, for callers that normalize every
// word of many sentences); false when it is empty.
bool normalize_english_word(std::string_view word, std::string& normal);

}  // namespace untm::lexicon
