#include "output.h"

#include <fmt/format.h>

#include <ostream>

#include "bundle/writer.h"
#include "commands.h"
#include "format/plain.h"
#include "format/tmx.h"

namespace untm::cli {

namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

AlignedDocument confident_pairs(const AlignedDocument& document, double min_confidence) {
  AlignedDocument kept = document;
  std::erase_if(kept.pairs, [&](const AlignedPair& pair) { return pair.link.confidence < min_confidence; });
  return kept;
}

// OUT.tmx.zst: a bundle of one document.
OutputStats write_bundle(const AlignedDocument& document, const std::string& path, const OutputOptions& options) {
  const int level = options.compression_level != 0 ? options.compression_level : bundle::kDefaultCompressionLevel;
  const AlignedDocument kept = confident_pairs(document, options.min_confidence);
  AtomicOutputFile file(path);
  pipeline::SinkStreambuf buffer(file);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  bundle::BundleWriter writer(out, options.header, level);
  const bundle::EncodedDocument encoded = bundle::encode_document(kept, writer.header(), level);
  writer.append(encoded);
  writer.finish();
  file.commit();
  return {encoded.unit_count, encoded.cleaned_characters};
}

}  // namespace

OutputFormat output_format_of(const std::string& path) {
  if (path == "-" || ends_with(path, ".tsv")) return OutputFormat::tsv;
  if (ends_with(path, ".tmx.zst")) return OutputFormat::tmx_zst;
  if (ends_with(path, ".tmx")) return OutputFormat::tmx;
  if (ends_with(path, ".jsonl")) return OutputFormat::jsonl;
  if (ends_with(path, ".moses")) return OutputFormat::moses;
  throw UsageError(fmt::format("cannot tell the output format of '{}': use .tmx.zst, .tmx, .tsv, .jsonl or .moses",
                               path));
}

std::pair<std::string, std::string> moses_paths(const std::string& path, const std::string& first_language,
                                                const std::string& second_language) {
  std::string prefix = path;
  if (ends_with(prefix, ".moses")) prefix.resize(prefix.size() - std::string_view(".moses").size());
  if (first_language == second_language) {
    return {prefix + "." + first_language + ".1", prefix + "." + second_language + ".2"};
  }
  return {prefix + "." + first_language, prefix + "." + second_language};
}

void check_confidence_option(double value, const char* option) {
  if (!(value >= 0 && value <= 1)) {
    throw UsageError(fmt::format("{}: {} is not a confidence between 0 and 1", option, value));
  }
}

void declare_alignment_output(RunFiles& files, const std::string& role, const std::string& path,
                              const std::string& first_language, const std::string& second_language) {
  if (output_format_of(path) != OutputFormat::moses) {
    files.output(role, path);
    return;
  }
  const auto [first_path, second_path] = moses_paths(path, first_language, second_language);
  files.output(role + " (" + first_language + " side)", first_path);
  files.output(role + " (" + second_language + " side)", second_path);
}

OutputStats write_alignment(const AlignedDocument& document, const std::string& path, const OutputOptions& options) {
  OutputStats stats;
  format::CleanupCounts counts;
  const format::FormatOptions format_options{options.min_confidence};
  switch (output_format_of(path)) {
    case OutputFormat::tmx_zst:
      return write_bundle(document, path, options);
    case OutputFormat::tmx: {
      const format::TmxHeader header = format::with_creation_date(options.header);
      std::string text = format::render_tmx_header(header);
      stats.pairs_written = format::append_tmx_units(text, document, header, format_options, counts);
      text += format::tmx_footer();
      write_file(path, text);
      break;
    }
    case OutputFormat::tsv: {
      std::string text;
      stats.pairs_written = format::append_tsv(text, document, format_options, counts);
      write_file(path, text);
      break;
    }
    case OutputFormat::jsonl: {
      std::string text;
      stats.pairs_written = format::append_jsonl(text, document, format_options, counts);
      write_file(path, text);
      break;
    }
    case OutputFormat::moses: {
      std::string first, second;
      stats.pairs_written = format::append_moses(first, second, document, format_options, counts);
      const auto [first_path, second_path] = moses_paths(path, document.first_language, document.second_language);
      // Both files are complete under their temporary names before either is
      // renamed into place.
      AtomicOutputFile first_file(first_path);
      AtomicOutputFile second_file(second_path);
      first_file.write(first);
      second_file.write(second);
      commit_both(first_file, second_file);
      break;
    }
  }
  stats.cleaned_characters = counts.total();
  return stats;
}

}  // namespace untm::cli
