#pragma once
// The plain formats an MT pipeline reads (docs/DESIGN.md, `untm align -o`):
//   tsv    one pair per line, first<TAB>second (first = first input file)
//   jsonl  one JSON object per pair: texts by language code, link type, cost,
//          confidence and source positions
//   moses  two files with one segment per line, line N of one translating
//          line N of the other
// Tabs and line breaks inside a segment become spaces in tsv and moses, so
// that one pair stays one line.

#include <cstddef>
#include <string>

#include "core/types.h"
#include "format/text_cleanup.h"
#include "format/tmx.h"

namespace untm::format {

// Each returns the number of pairs written.
std::size_t append_tsv(std::string& out, const AlignedDocument& document, const FormatOptions& options,
                       CleanupCounts& counts);

// {"document":"A/68/155","link":"1-2","cost":0.1234,"confidence":0.9876,
//  "zh":"...","en":"...","zh_source":[begin,end],"en_source":[begin,end],
//  "zh_sentences":[first,count],"en_sentences":[first,count]}
std::size_t append_jsonl(std::string& out, const AlignedDocument& document, const FormatOptions& options,
                         CleanupCounts& counts);

std::size_t append_moses(std::string& first_out, std::string& second_out, const AlignedDocument& document,
                         const FormatOptions& options, CleanupCounts& counts);

}  // namespace untm::format
