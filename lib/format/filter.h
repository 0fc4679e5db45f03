#pragma once
// Which aligned pairs an output keeps: the one filter behind `untm align` and
// `untm bundle export` (--min-confidence, --link-types, --drop-null,
// --max-length-ratio, --dedup). Every renderer asks PairSelection::keeps for
// each pair, so a TMX tuid still numbers the pair's place in its document.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/types.h"

namespace untm::format {

struct PairFilter {
  double min_confidence = 0.0;     // pairs below it are left out
  std::vector<LinkType> link_types{};  // empty: every type
  bool drop_null = false;          // leave out 1-0 and 0-1 links
  // Longer side over shorter side in Unicode code points of the texts as
  // written, spaces included (what a reader sees; the aligner's length model
  // counts visible characters only); 0: no limit. Null links are not
  // measured: only --drop-null removes them.
  double max_length_ratio = 0.0;
  bool dedup = false;              // leave out a pair whose two texts were already kept

  friend bool operator==(const PairFilter&, const PairFilter&) = default;
};

// "1-1,1-2" to types. Throws UsageError naming `option` for an empty list or
// an item that is not a link type.
std::vector<LinkType> parse_link_types(std::string_view list, std::string_view option);
// Throws UsageError (naming the option) for a confidence outside [0, 1] or a
// length ratio below 1 (other than 0, no limit).
void check_filter(const PairFilter& filter);
// The filters that are on, as options: "min-confidence=0.5 link-types=1-1,2-1
// drop-null"; empty when every pair is kept. TMX records it in its header.
std::string describe(const PairFilter& filter);

// A filter applied across one output: --dedup remembers the pairs kept so far
// (across every document of a bundle export). Copies share that memory.
class PairSelection {
 public:
  PairSelection() = default;
  explicit PairSelection(PairFilter filter);

  // Whether `pair` goes into the output; counts it, and remembers it for --dedup.
  bool keeps(const AlignedPair& pair) const;
  const PairFilter& filter() const noexcept { return filter_; }
  std::size_t seen() const noexcept { return state_->seen; }
  std::size_t kept() const noexcept { return state_->kept; }

 private:
  struct State {
    std::unordered_set<std::string> texts;  // first text, '\0', second text
    std::size_t seen = 0;
    std::size_t kept = 0;
  };
  PairFilter filter_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

// The pairs of `document` that `selection` keeps (for outputs that renumber).
AlignedDocument selected_pairs(const AlignedDocument& document, const PairSelection& selection);

}  // namespace untm::format
