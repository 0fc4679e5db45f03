// `untm split --lang zh|en FILE`: the text half of the pipeline, printed one
// sentence per line with a blank line between paragraphs.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <utility>

#include "commands.h"
#include "core/types.h"
#include "file_io.h"
#include "input_format_option.h"
#include "pipeline/document.h"
#include "text/decode.h"

namespace untm::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view kUsage = R"(usage: untm split --lang zh|en [OPTIONS] FILE

Decodes, cleans and splits FILE ('-' for standard input) and prints one
sentence per line, with a blank line between paragraphs. Headings are
paragraphs of their own.

example:
  untm split --lang zh corpora/demo/reply-zh.txt

options)";

// One sentence per line, a blank line between paragraphs, written in pieces
// as the paragraphs are split, so that a large document's sentences are
// never all held. The library reports invalid UTF-8 as such; only `untm
// split` has --lenient, so the hint belongs here.
void split_and_write(const std::string& bytes, Language language, const std::string& path,
                     const pipeline::TextOptions& options, pipeline::TextWarnings& warnings,
                     const std::string& output_path, bool mark_headings) {
  AtomicOutputFile output(output_path);
  std::string buffer;
  bool first = true;
  const auto write = [&](Paragraph&& paragraph) {
    if (!std::exchange(first, false)) buffer += '\n';
    for (const auto& sentence : paragraph.sentences) {
      if (mark_headings && paragraph.heading) buffer += "# ";
      buffer += sentence.text;
      buffer += '\n';
    }
    if (buffer.size() > (1U << 16)) {
      output.write(buffer);
      buffer.clear();
    }
  };
  try {
    pipeline::read_document_paragraphs(bytes, language, path, options, &warnings, write);
  } catch (const InvalidUtf8Error& error) {
    throw InputError(error.source(), error.message() + " (use --lenient to replace it with U+FFFD)", error.offset());
  }
  output.write(buffer);
  output.commit();
}

}  // namespace

int run_split(const Arguments& args) {
  po::options_description options{std::string(kUsage)};
  std::string language_code;
  std::string output_path = "-";
  pipeline::TextOptions text_options;
  bool mark_headings = false;
  options.add_options()
      ("help,h", "show this help")
      ("lang,l", po::value(&language_code)->required(), "language of FILE: zh or en")
      ("output,o", po::value(&output_path), "write to this file instead of standard output")
      ("lenient", po::bool_switch(&text_options.lenient),
       "replace invalid UTF-8 with U+FFFD (with a warning) instead of failing")
      ("presplit", po::bool_switch(&text_options.presplit),
       "FILE already holds one sentence per line: decode only")
      ("mark-headings", po::bool_switch(&mark_headings), "prefix heading lines with '# '");
  add_input_format_option(options, text_options.format);
  po::options_description hidden;
  std::string input_path;
  hidden.add_options()("file", po::value(&input_path));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("file", 1);

  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help") != 0) {
    std::cout << options << '\n';
    return 0;
  }
  po::notify(values);
  if (input_path.empty()) throw UsageError("missing FILE (use '-' for standard input)");
  const auto language = parse_language(language_code);
  if (!language) throw UsageError(fmt::format("unknown language '{}' (zh or en)", language_code));

  RunFiles files;
  files.input("FILE", input_path);
  files.output("-o", output_path);
  files.check();
  const std::string bytes = read_file(input_path);
  pipeline::TextWarnings warnings;
  split_and_write(bytes, *language, input_path, text_options, warnings, output_path, mark_headings);
  if (warnings.replaced_invalid_sequences > 0) {
    fmt::print(stderr, "untm split: warning: {}: replaced {} invalid UTF-8 sequence{} with U+FFFD\n", input_path,
               warnings.replaced_invalid_sequences, warnings.replaced_invalid_sequences == 1 ? "" : "s");
  }
  if (warnings.empty) fmt::print(stderr, "untm split: warning: {}: no text\n", input_path);
  return 0;
}

}  // namespace untm::cli
