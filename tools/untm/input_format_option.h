#pragma once
// --input-format, shared by `untm split`, `untm align` and `untm batch`:
// auto (the default) judges each input by its bytes; text, docx or pdf
// forces that reader (pipeline::TextOptions::format).

#include <boost/program_options.hpp>

#include <optional>

#include "read/block.h"

namespace untm::cli {

// Adds --input-format; a value other than auto|text|docx|pdf is a UsageError.
void add_input_format_option(boost::program_options::options_description& description,
                             std::optional<read::InputFormat>& format);

}  // namespace untm::cli
