#include "input_format_option.h"

#include <fmt/format.h>

#include <string>

#include "core/error.h"

namespace untm::cli {

namespace po = boost::program_options;

void add_input_format_option(po::options_description& description, std::optional<read::InputFormat>& format) {
  description.add_options()
      ("input-format",
       po::value<std::string>()->value_name("FORMAT")->default_value("auto")->notifier([&format](const std::string& name) {
         if (name == "auto") {
           format.reset();
         } else if (const auto parsed = read::parse_input_format(name)) {
           format = parsed;
         } else {
           throw UsageError(fmt::format("--input-format: '{}' is none of auto, text, docx, pdf", name));
         }
       }),
       "auto: judge each input by its bytes (ZIP/DOCX, %PDF, text); text, docx or pdf: read every input as that");
}

}  // namespace untm::cli
