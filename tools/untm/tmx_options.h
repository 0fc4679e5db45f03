#pragma once
// The options of `untm align` for CAT tools and pipes (issue #15):
//   --tmx-langs zh-CN,en-US   the BCP 47 tags written as each side's xml:lang
//                             (and so as srclang), instead of bare zh/en;
//   --tmx-keep-null           keep null links as units of one <tuv>;
//   --format FMT              the output format whatever -o's ending, and
//                             standard output without -o.
// Kept apart from cmd_align.cc so that batch can take them too.

#include <boost/program_options/options_description.hpp>

#include <string>

#include "output.h"

namespace untm::cli {

struct TmxOptionValues {
  std::string languages;  // --tmx-langs FIRST,SECOND
  std::string format;     // --format
  bool keep_null_links = false;
};

void add_tmx_options(boost::program_options::options_description& options, TmxOptionValues& values);

// Checks the values and puts them in `output`. `first_code` and `second_code`
// are the documents' languages (--first-lang, --second-lang); srclang must name one
// side's language (or "*all*"): "en" with --tmx-langs zh-CN,en-US becomes
// en-US. An empty `output_path` with --format becomes "-" (standard output).
// Throws UsageError naming the option.
void apply_tmx_options(const TmxOptionValues& values, const std::string& first_code, const std::string& second_code,
                       std::string& output_path, OutputOptions& output);

}  // namespace untm::cli
