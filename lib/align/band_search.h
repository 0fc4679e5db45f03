#pragma once
// The dynamic programme of Gale & Church (1993), searched inside a band so
// that time and memory grow linearly with the length of the texts.
//
// The band follows the path that the lengths alone predict: first-side unit i
// is expected near the second-side unit at the same fraction of the total
// length (the cumulative lengths), not near the same fraction of the unit
// count, which drifts where one side splits sentences more than the other.
// The band starts narrow and is doubled, and the search rerun, whenever the
// best path comes close to its edge: a path that never touches the edge is
// the best path over the whole matrix as far as the band can tell. The band
// can also follow the search's own frontier (BandSearchOptions::
// follow_frontier) where the expected path is only a guess.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <span>
#include <utility>
#include <vector>

#include "align/link_types.h"
#include "core/link.h"

namespace untm {

// Cost of a candidate link of `first_count` units from `first_begin` with
// `second_count` units from `second_begin` (block-local indices).
// band_search and LinkCostFunction::cell_costs take the link types as bits.
inline constexpr std::size_t kMaxLinkTypes = 32;

class LinkCostFunction {
 public:
  virtual ~LinkCostFunction() = default;
  virtual double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                      std::size_t second_count) = 0;
  // The costs of the links of types[t] ending at cell (i, j), into out[t],
  // for each t whose bit is set in `wanted` (others are left alone). The
  // search asks once per cell: one call instead of one per type, and an
  // implementation can price the types side by side. Must give exactly what
  // cost() gives.
  virtual void cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                          double* out) {
    for (std::size_t t = 0; t < types.size(); ++t) {
      if ((wanted >> t & 1u) != 0) out[t] = cost(i - types[t].first_count, types[t].first_count,
                                                  j - types[t].second_count, types[t].second_count);
    }
  }
};

struct BandSearchOptions {
  // Half-width of the first band, in units; doubled as needed (widen_locally).
  std::size_t initial_half_width = 24;
  // The same for a search with evidence terms guided by an earlier path
  // (the aligner's passes after its first search or its placed path, and
  // its search around learning's pass 1): lexical evidence pins the path,
  // which moves a few units between passes where the first search's guess
  // may be tens off, and the band still widens wherever the path reaches
  // its edge. 6 with widen_locally gave the K=7 block (K = 2, 3, 5, 6 too)
  // and the 60-document batch the same links as 12 in a quarter fewer
  // cells, and the same confidences but 14 of the block's 11,844 without a
  // dictionary, by 0.0001 each (the posteriors' band is narrower). 8 moved
  // 7 links per copy of the gold documents (the block's F1 0.9040 ->
  // 0.9019): where 6 reaches the edge and widens to 12, 8 does not.
  // Searches on lengths and anchors alone keep initial_half_width: their
  // paths drift along runs of like lengths (lists, tables) by tens of units
  // between passes, and a narrower band lost F1 there (mac-dev's lengths
  // only -0.004, the block's --no-learn --no-dictionary -0.0045). The
  // aligner sets initial_half_width from it.
  std::size_t guided_half_width = 6;
  // Matrices up to this many cells are searched whole (the aligner's
  // paragraph stage, placed by a path through the sentences, sets 0).
  std::size_t full_search_cells = 1u << 16;
  // A search whose band would hold more cells than this gives up instead:
  // no path (the aligner's path through the sentences, worth searching only
  // while it costs less than the paragraph search it saves).
  std::size_t cell_budget = std::numeric_limits<std::size_t>::max();
  // Keep the costs of the last search in BandSearchStatistics::costs, so that
  // a posterior pass over the same band prices no link twice; up to this
  // many (cells times link types, 4 bytes each), 0 for none.
  std::size_t recorded_costs_limit = 0;
  // Lay each band out as the search goes, row i centred where the cheapest
  // path into row i - 1 ends (moved on by the expected path's step), instead
  // of around the expected path (the guide or the length diagonal). For a
  // search whose expected path is only a guess: the aligner's first search
  // and its EM passes. The edge check and the doubling stay the same.
  bool follow_frontier = false;
  // With follow_frontier and a guide: each row also covers half-width either
  // side of the guide (the hull of the two bands), so that a pass guided by
  // an earlier path touches an edge only where both bands would.
  bool keep_guide_band = false;
  // Where the path reaches an edge, the next search doubles the band only
  // around the rows it does so at (local_reach rows either side) instead of
  // everywhere; after kLocalRounds such searches, or where that widens no
  // row, everywhere. One edge anywhere in a long text searched all of it
  // again twice as wide: the K=7 block's first search went from 0.61 M
  // cells at 24 to 1.21 M at 48 for 39 rows at the edge, and to 0.80 M with
  // this, with the same links and confidences in every configuration (the
  // 60-document batch's bundles the same byte for byte). A guided search
  // of 5,358 sentences against the same plus 2,000 English ones inserted
  // in the middle strays in new places as it widens (233, 70, 67, 2, 7
  // rows): stopping the local rounds after 4 took 15.8 s, after 8 it
  // needed none, 11.3 s (12.7 s widening everywhere; F1 on that text as
  // poor either way, 0.354). final_half_width is then the widest row's.
  bool widen_locally = true;
  static constexpr std::size_t kLocalRounds = 8;
  // The rows either side of a touch that widen_locally widens, for a
  // touched row of half-width w: a detour is a few band widths long at
  // most, or it reaches the narrower rows beyond and widens again there.
  static constexpr std::size_t local_reach(std::size_t half_width) { return 64 + 8 * half_width; }
};

// The cells a search covered: at first-side position i (0..n1), the
// second-side positions low[i]..high[i], inclusive.
struct SearchBand {
  std::vector<std::size_t> low, high;
  bool contains(std::size_t i, std::size_t j) const { return i < low.size() && j >= low[i] && j <= high[i]; }
};

// Memory for UninitialisedAllocator.
void* allocate_cells(std::size_t bytes);
void deallocate_cells(void* cells, std::size_t bytes) noexcept;

// An allocator whose vectors leave new elements uninitialised (resize()
// without a value): for cell arrays that the search writes whole anyway,
// where filling them first cost as much as writing them.
template <typename T>
struct UninitialisedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <typename U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  // Large arrays in transparent huge pages where the system offers them on
  // request: a search writes tens of megabytes of fresh memory, and faulting
  // it in 4 KiB pages cost as much as writing it.
  T* allocate(std::size_t count) { return static_cast<T*>(allocate_cells(count * sizeof(T))); }
  void deallocate(T* cells, std::size_t count) noexcept { deallocate_cells(cells, count * sizeof(T)); }
  template <typename U>
  void construct(U* place) noexcept {
    ::new (static_cast<void*>(place)) U;
  }
  template <typename U, typename... Args>
  void construct(U* place, Args&&... args) {
    ::new (static_cast<void*>(place)) U(std::forward<Args>(args)...);
  }
};

// Candidate costs as BandSearchStatistics::costs holds them.
using RecordedCosts = std::vector<float, UninitialisedAllocator<float>>;

struct BandSearchStatistics {
  std::size_t searches = 0;         // 1 + the number of times the band grew
  std::size_t final_half_width = 0;
  std::size_t cells = 0;            // cells of the last search
  bool over_budget = false;         // gave up: the band would pass cell_budget (no path)
  SearchBand band;                  // the band of the last search, for a posterior pass over the same lattice
  // With recorded_costs_limit: the cost of the link of type t ending in cell
  // c (cells row after row) at costs[c * types + t], NaN where none was
  // asked for; empty when the band held more than the limit.
  RecordedCosts costs;
};

// The least-cost sequence of links covering both sides in order, in
// block-local indices, each with the cost `costs` gave it (confidence 0). The
// lengths only place the band; `costs` prices the links. `guide`, when not empty,
// replaces the length diagonal as the band's centre: for each first-side
// position 0..n1 the expected second-side position (e.g. the path of an
// earlier pass, see guide_from_path). Throws std::logic_error when `types`
// cannot cover the two sides (no 1-0/0-1 and no other way through).
// Empty when the band would pass options.cell_budget (over_budget).
std::vector<Link> band_search(std::span<const double> first_lengths, std::span<const double> second_lengths,
                                  std::span<const LinkType> types, LinkCostFunction& costs,
                                  const BandSearchOptions& options = {},
                                  BandSearchStatistics* statistics = nullptr,
                                  std::span<const std::size_t> guide = {});

// The second-side position of `path` at every first-side position 0..n1
// (interpolated inside many-to-many links), to guide a later search.
std::vector<std::size_t> guide_from_path(std::span<const Link> path, std::size_t first_size,
                                         std::size_t second_size);

// The path of units (paragraphs: runs of consecutive sentences) that a path
// through the sentences of both sides whole takes: one link per first-side
// unit, to the second-side units between the places where the sentence path
// crosses its boundaries, each place moved to the nearest second-side unit
// boundary (and never back). `first_unit_begin` and `second_unit_begin`
// hold each side's unit starts in sentences, then its sentence count
// (strictly increasing). To guide the search of the units by a search of
// their sentences.
std::vector<Link> coarsen_path(std::span<const Link> sentence_path, std::span<const std::size_t> first_unit_begin,
                               std::span<const std::size_t> second_unit_begin);

}  // namespace untm
