#pragma once
// InterText (Vondřička, Institute of the Czech National Corpus): the editor in
// which researchers correct sentence alignments. A pair opens in it as three
// files (docs/links.md, "InterText"):
//   NAME.zh.xml             a document: <p id="1"><s id="1:1">…</s></p>, the
//   NAME.en.xml             ids "paragraph:sentence", both counted from 1
//   NAME.zh.en.alignment.xml  <linkGrp fromDoc='NAME.zh.xml' toDoc='NAME.en.xml'>
//                           of <link type='1-2' xtargets='en ids;zh ids' status='man'/>
// As InterText writes them (InterText server lib_intertext.php, export_alignment;
// the editor's examples/*.alignment.xml): xtargets lists the toDoc side's ids
// first, and type counts that side first; status is man (a person made or
// confirmed the link), auto or plain.

#include <string>
#include <string_view>
#include <vector>

#include "core/link.h"
#include "core/types.h"
#include "format/text_cleanup.h"

namespace untm::format {

// InterText's id of each sentence of `document`, in order: "p:s", counting the
// paragraphs that hold a sentence from 1 and the sentences in each from 1.
std::vector<std::string> intertext_ids(const SplitDocument& document);

// A document file: its paragraphs and sentences with those ids. `id` names
// the document in <doc id=...>. Text is cleaned as for TMX (counts).
std::string render_intertext_document(const SplitDocument& document, const std::string& id, CleanupCounts& counts);

// The names of a pair's document files, as the alignment file's linkGrp
// gives them: fromDoc is the first document, toDoc the second.
struct IntertextDocNames {
  std::string first;   // "NAME.zh.xml"
  std::string second;  // "NAME.en.xml"
};

// "NAME.<language>.xml", InterText's TEXT.VERSION.xml.
std::string intertext_document_name(std::string_view name, std::string_view language);

// The alignment file of `document`'s pairs, whose links index the sentences
// of `first` and `second`. A manual pair is status='man', the others 'auto'.
std::string render_intertext_links(const AlignedDocument& document, const SplitDocument& first,
                                   const SplitDocument& second, const IntertextDocNames& names);

// Whether a links file is InterText XML rather than the [i]:[j] notation: it
// starts (after a byte order mark and white space) with '<'.
bool is_intertext_links(std::string_view text);

// The links of an InterText alignment file, by the sentence ids of `first`
// and `second` (intertext_ids). Ids are matched as InterText imports them:
// the trailing number or number pair, any separator of . : - _ , ("s1:3",
// "1.3" and "1:3" are the same sentence). The side whose fromDoc/toDoc file
// name ends in ".<language>.xml" of the second document is taken as the
// second; otherwise fromDoc is the first. status='man' marks a link checked.
// Throws InputError naming `source_name` and the line for malformed XML, a
// file without one <linkGrp>, an unknown id and ids of one side that are not
// consecutive sentences; fit_links checks order and overlap.
std::vector<FileLink> parse_intertext_links(std::string_view text, const std::string& source_name,
                                            const SplitDocument& first, const SplitDocument& second);

}  // namespace untm::format
