#pragma once
// The name of a document's link file in a --links-dir folder: <name>.align,
// where <name> is the document id made safe and unique. Every byte of the id
// is kept except '/', '\', '%', '~', control bytes and a leading '.', which
// become %XX (their hex value): the file stays inside the folder (no id with
// '/' or '..' can leave it or make subfolders, no hidden file), and distinct
// ids give distinct names ('x' is x.align, './x' is %2E%2Fx.align, 'A/68/155'
// is A%2F68%2F155.align). An id whose name would pass 200 bytes keeps its
// first 180 and ends with '~' and 16 hex digits of a hash of the whole id.

#include <string>
#include <string_view>

namespace untm::batch {

// "<name>.align" for document `id`, as above.
std::string link_file_name(std::string_view id);

}  // namespace untm::batch
