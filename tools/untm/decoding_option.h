#pragma once
// --decoding posterior|viterbi, shared by `untm align` and `untm batch` so
// that both spell and check it the same way.

#include <boost/program_options.hpp>

namespace untm::cli {

// Adds --decoding into `posterior_decoding` (true: posterior, the default);
// any other value is a usage error raised while the options are parsed.
void add_decoding_option(boost::program_options::options_description& description, bool& posterior_decoding);

}  // namespace untm::cli
