#pragma once
// Learning a lexicon from the texts being aligned (Moore 2002): the sentence
// pairs that a length-and-anchors pass links 1-1 with confidence are taken as
// translations, IBM Model 1 is trained on them in both directions, and the
// word pairs that both directions agree on become lexicon entries.

#include <functional>
#include <span>
#include <string_view>

#include "lexicon/chinese_matcher.h"
#include "lexicon/ibm_model1.h"
#include "lexicon/lexicon.h"

namespace untm::lexicon {

struct ChineseEnglishPair {
  std::string_view chinese;
  std::string_view english;
};

struct LearningOptions {
  Model1Options model1;
  // An entry needs sqrt(t(e|z) * t(z|e)) at least this large: both directions
  // must agree that the words translate each other. Its strength is that
  // geometric mean, so weakly learned pairs count less than dictionary ones.
  double min_strength = 0.1;
  // And the two words must have been seen together in at least this many
  // training pairs: a pair seen once is as likely chance as translation.
  int min_cooccurrences = 2;
  // Model 1 trains on at most about this many cells (each target word
  // against each source word and the empty word: its time and memory), from
  // pairs spread evenly over the list (thin_to_cells). Long UN sentences
  // make 250 to 1,300 cells a pair, so the cap on pairs (CorpusLearningOptions
  // ::max_training_pairs) allowed 20 M. The gold documents aligned inside a
  // batch of 72 UN documents (13,562 training pairs, 3.7 M cells) scored the
  // same within 0.005 F1 on 2 M, 1 M and 0.5 M cells, with CC-CEDICT or
  // without (where learning is all the lexicon), and fell at 0.25 M
  // (mac-dev 0.825 -> 0.811 without a dictionary). A document pair's
  // own pairs rarely reach it: the gold documents train on 3,000 to 45,000.
  std::size_t max_cells = 2'000'000;
};

// Model 1's cells of a training pair: (source words + 1) * target words.
std::size_t model1_cells(const IdSentencePair& pair);

// Keeps about `budget` cells of `pairs` (never more than budget plus one
// pair's), as pairs evenly spaced over the list, in their order: each pair
// stays with the same chance, budget / all cells. Lists within the budget
// stay whole.
void thin_to_cells(std::vector<IdSentencePair>& pairs, std::size_t budget);

// Runs independent tasks, one after the other or at once (the batch layer's
// threads: the library starts none of its own); the result is the same.
using RunTasks = std::function<void(std::span<const std::function<void()>> tasks)>;

// Learns entries from sentence pairs. The Chinese words are those of `known`
// (a dictionary, may be empty), matched longest first; Han characters outside
// them are words of their own, so learning works with no dictionary at all.
// `run_tasks` (none: one after the other) trains the two directions of IBM
// Model 1.
Lexicon learn_lexicon(std::span<const ChineseEnglishPair> pairs, const Lexicon& known, const LearningOptions& options,
                      const RunTasks& run_tasks = {});
// The same with the Chinese words in a matcher already built (the
// LexicalModel::Builder of the lexicon pass 2 will use).
Lexicon learn_lexicon(std::span<const ChineseEnglishPair> pairs, const ChineseMatcher& chinese_words,
                      const LearningOptions& options, const RunTasks& run_tasks = {});

}  // namespace untm::lexicon
