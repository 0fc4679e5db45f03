#pragma once
// TMX 1.4b (LISA, 2005) rendering of aligned documents. A TMX file is the
// header (XML declaration, <tmx>, <header/>, <body>), the <tu> elements of
// every document, and the footer (</body></tmx>); the three parts are separate
// functions so that a bundle can put each in its own zstd frame.
//
// Each <tu>:
//   <tu tuid="ID:N" creationdate="...">           N counts the document's pairs from 1
//     <prop type="x-document">ID</prop>
//     <prop type="x-link">1-2</prop>             sentences on the first, then second side
//     <prop type="x-cost">0.1234</prop>
//     <prop type="x-confidence">0.9876</prop>
//     <prop type="x-origin">auto</prop>          manual: checked or edited by a person
//     <tuv xml:lang="en">                         srclang's side first (translate-toolkit
//       <prop type="x-source">120-245</prop>        reads the first <tuv> as the source);
//       <prop type="x-sentences">3-4</prop>         byte span [begin, end) in the decoded
//       <seg>...</seg>                              input, sentence indices (0-based,
//     </tuv>                                        inclusive)
//     <tuv xml:lang="zh">...</tuv>
//   </tu>
// The empty side of a null link (1-0, 0-1) has no <tuv>.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/types.h"
#include "format/filter.h"
#include "format/text_cleanup.h"

namespace untm::format {

// The one TMX header: what the TMX writer renders, the TMX reader returns and
// a bundle's header frame holds.
struct TmxHeader {
  std::string srclang = "en";      // the original's language (UN replies: English)
  // YYYYMMDDThhmmssZ; also every <tu>'s creationdate. Writers take an empty
  // one as now (with_creation_date); fix it for reproducible output.
  std::string creation_date;
  std::string tool_version = UNTM_VERSION;
  std::string adminlang = "en";
  // The filters the pairs went through (describe(PairFilter), e.g.
  // "min-confidence=0.5 drop-null"), as <prop type="x-filters">; empty: no
  // filter was asked for. (A .tmx also leaves out null links unless they are
  // kept, FormatOptions::keep_null_links; that default is not listed here.)
  std::string filters;
};

// Which pairs a renderer writes.
struct FormatOptions {
  PairSelection selection;         // the pairs written (every pair by default)
  // TMX: a null link (one side empty) as a <tu> of one <tuv>. CAT tools take
  // such a unit for an untranslated segment, so `untm align` leaves them out
  // of a .tmx by default; bundles keep every link.
  bool keep_null_links = true;
};

// True for a well-formed BCP 47 language tag (RFC 5646: "zh", "zh-CN",
// "zh-Hans-CN", "en-US", "x-klingon"): the syntax, not the registry.
bool is_language_tag(std::string_view tag);

// TMX's date format (TMX 1.4b, "creationdate": ISO 8601 basic, UTC).
std::string tmx_date(std::chrono::system_clock::time_point time);
// Also checks that the day and the time exist (no month 13, no 24:00).
bool is_tmx_date(std::string_view text);
// `header` with an empty creation date set to the current time.
TmxHeader with_creation_date(TmxHeader header);

// Throws InputError (source "TMX header") for a creation date that is not a
// TMX date or an empty srclang.
std::string render_tmx_header(const TmxHeader& header);
std::string_view tmx_footer();

// Appends the <tu> elements of `document`; returns how many were written.
std::size_t append_tmx_units(std::string& out, const AlignedDocument& document,
                             const TmxHeader& header, const FormatOptions& options,
                             CleanupCounts& counts);

// The whole TMX file for one document (header, units, footer).
std::string render_tmx(const AlignedDocument& document, const TmxHeader& header,
                       const FormatOptions& options, CleanupCounts& counts);

}  // namespace untm::format
