#pragma once
// The alignment cost is a sum of named terms (length, link-type prior,
// anchors, lexical, ...). A LinkEvidence is one such term that a caller can
// plug into the aligner without the aligner knowing what it measures.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace untm {

class LinkEvidence {
 public:
  virtual ~LinkEvidence() = default;
  // Short name shown in reports and --explain output ("lexical").
  virtual std::string_view name() const = 0;
  // Cost (in nats, like -log P; may be negative for strong support) added to
  // a candidate link between first-side sentences
  // [first_begin, first_begin + first_count) and second-side sentences
  // [second_begin, second_begin + second_count). Indices are positions in the
  // sentence lists the evidence was built for (the whole document), also when
  // the aligner works on paragraphs or inside a paragraph group. A count may
  // be 0 (null link).
  virtual double cost(std::size_t first_begin, std::size_t first_count,
                      std::size_t second_begin, std::size_t second_count) const = 0;
  // The links of the search's cell (first_end, second_end), all at once: for
  // each t whose bit is set in `wanted`, totals[t] += cost() of the link
  // [first_begins[t], first_end) x [second_begins[t], second_end) (sentence
  // indices, as for cost(); t < 32). The aligner asks once per cell instead
  // of once per link type; a term may find what the links share once (the
  // lexical term's remembered costs of a cell sit side by side).
  virtual void add_cell_costs(std::size_t first_end, std::size_t second_end, const std::size_t* first_begins,
                              const std::size_t* second_begins, std::uint32_t wanted, double* totals) const {
    for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
      const int t = std::countr_zero(left);
      totals[t] += cost(first_begins[t], first_end - first_begins[t], second_begins[t], second_end - second_begins[t]);
    }
  }
  // Where the aligner expects the path, before it asks any cost: for each
  // first-side sentence i (and one past the end), the second-side sentence
  // its link starts near. An evidence that only looks near the length
  // diagonal (as the lexical term does, to bound its work) may look near
  // this path instead: on long documents the path strays from the diagonal
  // by more than such a band.
  virtual void expect_path(std::span<const std::size_t> second_at_first) { (void)second_at_first; }
  // The same term for the aligner's paragraph stage, whose links begin and
  // end at group boundaries only: first-side group g is the sentences
  // [first_group_begin[g], first_group_begin[g + 1]) (the last entry is the
  // sentence count), and likewise on the second side. cost() still takes
  // sentence indices and must give what this term gives, up to rounding;
  // a term may work on whole groups to get there faster (the lexical term
  // pairs paragraphs once instead of every sentence pair of every group
  // link). nullptr: this term serves the paragraph stage itself.
  virtual std::unique_ptr<LinkEvidence> for_groups(std::span<const std::size_t> first_group_begin,
                                                   std::span<const std::size_t> second_group_begin) const {
    (void)first_group_begin;
    (void)second_group_begin;
    return nullptr;
  }
};

// Builds one evidence term for a document pair, from its sentences.
class EvidenceFactory {
 public:
  virtual ~EvidenceFactory() = default;
  virtual std::unique_ptr<LinkEvidence> make(std::span<const std::string> first_sentences,
                                             std::span<const std::string> second_sentences) const = 0;
};

}  // namespace untm
