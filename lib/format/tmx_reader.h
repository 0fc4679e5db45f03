#pragma once
// Reads back what tmx.h writes, with pugixml: the header of a TMX file and the
// <tu> elements of one document. Used to export and summarise bundles.

#include <string>
#include <string_view>

#include "core/types.h"
#include "format/tmx.h"

namespace untm::format {

// `header_xml` is the start of a TMX file up to and including <body> (a
// bundle's header frame) or a whole TMX file. Throws InputError naming
// `source_name` when it is not XML or has no <tmx><header>.
TmxHeader parse_tmx_header(std::string_view header_xml, const std::string& source_name);

// `units_xml` holds <tu> elements (a bundle's document frame). The <tuv>
// whose xml:lang is `first_language` becomes each pair's first side; link
// type, cost, confidence and source positions come from the props. The id is
// the first unit's x-document (empty without units). Throws InputError naming
// `source_name` for malformed XML.
AlignedDocument parse_tmx_units(std::string_view units_xml, const std::string& source_name,
                                const std::string& first_language, const std::string& second_language);

}  // namespace untm::format
