#include "decoding_option.h"

#include <fmt/format.h>

#include <string>

#include "core/error.h"

namespace untm::cli {

namespace po = boost::program_options;

void add_decoding_option(po::options_description& description, bool& posterior_decoding) {
  description.add_options()
      ("decoding",
       po::value<std::string>()->value_name("posterior|viterbi")->default_value("posterior")->notifier(
           [&posterior_decoding](const std::string& value) {
             if (value != "posterior" && value != "viterbi") {
               throw UsageError(fmt::format("--decoding: '{}' is neither posterior nor viterbi", value));
             }
             posterior_decoding = value == "posterior";
           }),
       "posterior: the links with the most expected to be right; viterbi: the least-cost path");
}

}  // namespace untm::cli
