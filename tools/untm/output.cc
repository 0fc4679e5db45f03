#include "output.h"

#include <fmt/format.h>

#include <zlib.h>

#include <algorithm>
#include <cctype>
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

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// TMX for CAT tools (issue #15): each side's language tag.

// The tag given for a side, found by the side's language: the pair may have
// been read the other way round (order detected from the texts), so a tag's
// position on the command line is only the fallback.
std::string tag_for(const std::string& code, const std::pair<std::string, std::string>& tags,
                    const std::string& by_position) {
  for (const std::string& tag : {tags.first, tags.second}) {
    if (lower_case(tag.substr(0, tag.find('-'))) == code) return tag;
  }
  return by_position;
}

std::string tmx_text(const AlignedDocument& document, const format::TmxHeader& filtered_header,
                     const OutputOptions& options, std::size_t& pairs, format::CleanupCounts& counts) {
  const format::TmxHeader header = format::with_creation_date(filtered_header);
  const format::FormatOptions format_options{format::PairSelection(options.filter), options.keep_null_links};
  std::string text = format::render_tmx_header(header);
  pairs = format::append_tmx_units(text, with_tmx_languages(document, options), header, format_options, counts);
  text += format::tmx_footer();
  return text;
}

// OUT.tmx.zst: a bundle of one document.
OutputStats write_bundle(const AlignedDocument& document, const std::string& path, const format::TmxHeader& header,
                         const OutputOptions& options) {
  const int level = options.compression_level != 0 ? options.compression_level : bundle::kDefaultCompressionLevel;
  const AlignedDocument kept =
      with_tmx_languages(format::selected_pairs(document, format::PairSelection(options.filter)), options);
  AtomicOutputFile file(path);
  pipeline::SinkStreambuf buffer(file);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  bundle::BundleWriter writer(out, header, level);
  const bundle::EncodedDocument encoded = bundle::encode_document(kept, writer.header(), level);
  writer.append(encoded);
  writer.finish();
  file.commit();
  return {encoded.unit_count, encoded.cleaned_characters};
}

}  // namespace

AlignedDocument with_tmx_languages(AlignedDocument document, const OutputOptions& options) {
  if (!options.tmx_languages) return document;
  const auto& tags = *options.tmx_languages;
  document.first_language = tag_for(document.first_language, tags, tags.first);
  document.second_language = tag_for(document.second_language, tags, tags.second);
  return document;
}

struct GzipWriter::State {
  z_stream stream{};
};

GzipWriter::GzipWriter(pipeline::OutputSink& sink) : sink_(sink), state_(std::make_unique<State>()) {
  if (deflateInit2(&state_->stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: deflateInit2 failed");
  }
}

GzipWriter::~GzipWriter() { deflateEnd(&state_->stream); }

void GzipWriter::write(std::string_view text) { deflate_into_sink(text, Z_NO_FLUSH); }

void GzipWriter::finish(std::string_view last) { deflate_into_sink(last, Z_FINISH); }

// zlib's uInt counts: a long text goes in pieces of at most 1 GiB.
void GzipWriter::deflate_into_sink(std::string_view text, int flush) {
  z_stream& stream = state_->stream;
  constexpr std::size_t kPiece = std::size_t{1} << 30;
  std::string out(64 * 1024, '\0');
  do {
    const std::size_t piece = std::min(text.size(), kPiece);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(piece);
    const int piece_flush = piece == text.size() ? flush : Z_NO_FLUSH;
    int result = Z_OK;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(out.data());
      stream.avail_out = static_cast<uInt>(out.size());
      result = deflate(&stream, piece_flush);
      if (result == Z_STREAM_ERROR) throw std::runtime_error("zlib: deflate failed");
      sink_.write(std::string_view(out.data(), out.size() - stream.avail_out));
    } while (stream.avail_out == 0 || (piece_flush == Z_FINISH && result != Z_STREAM_END));
    text.remove_prefix(piece);
  } while (!text.empty());
}

std::string tsv_header_line(const std::string& first_language, const std::string& second_language) {
  return first_language + '\t' + second_language + '\n';
}

OutputFormat output_format_of(const std::string& original_path) {
  const std::string path = lower_case(original_path);
  if (path == "-" || ends_with(path, ".tsv")) return OutputFormat::tsv;
  if (ends_with(path, ".tmx.gz")) return OutputFormat::tmx_gz;
  if (ends_with(path, ".tmx.zst")) return OutputFormat::tmx_zst;
  if (ends_with(path, ".tmx")) return OutputFormat::tmx;
  if (ends_with(path, ".jsonl")) return OutputFormat::jsonl;
  if (ends_with(path, ".moses")) return OutputFormat::moses;
  throw UsageError(fmt::format(
      "cannot tell the output format of '{}': use .tmx.zst, .tmx, .tmx.gz, .tsv, .jsonl or .moses (or --format)",
      original_path));
}

OutputFormat output_format_named(const std::string& name) {
  if (name == "tsv" || name == "jsonl" || name == "tmx" || name == "tmx.gz" || name == "tmx.zst" || name == "moses") {
    return output_format_of("." + name);
  }
  throw UsageError(fmt::format("--format '{}': use tsv, jsonl, tmx, tmx.gz, tmx.zst or moses", name));
}

std::pair<std::string, std::string> moses_paths(const std::string& path, const std::string& first_language,
                                                const std::string& second_language) {
  std::string prefix = path;
  // Endings in any case name the format (output_format_of), so OUT.MOSES too.
  if (ends_with(lower_case(prefix), ".moses")) prefix.resize(prefix.size() - std::string_view(".moses").size());
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

void add_filter_options(boost::program_options::options_description& options, format::PairFilter& filter) {
  namespace po = boost::program_options;
  options.add_options()
      ("min-confidence",
       po::value(&filter.min_confidence)->notifier([option = "--min-confidence"](double value) {
         // A capture, not an empty lambda: GCC 12 warns of the empty one's
         // uninitialized byte when boost::function copies it.
         check_confidence_option(value, option);
       }),
       "leave out pairs whose confidence (0..1) is lower")
      ("link-types", po::value<std::string>()->value_name("1-1,2-1,...")->notifier([&filter](const std::string& list) {
         filter.link_types = format::parse_link_types(list, "--link-types");
       }),
       "keep only links of these types")
      ("drop-null", po::bool_switch(&filter.drop_null), "leave out null links (1-0, 0-1)")
      ("max-length-ratio", po::value(&filter.max_length_ratio)->value_name("R")->notifier([](double ratio) {
         try {
           format::check_filter(format::PairFilter{.max_length_ratio = ratio});
         } catch (const UsageError& error) {
           throw UsageError(fmt::format("--max-length-ratio: {}", error.what()));
         }
       }),
       "leave out pairs whose longer side has more than R times the characters of the shorter (R >= 1)")
      ("dedup", po::bool_switch(&filter.dedup), "leave out a pair whose two texts are already in the output");
}

void declare_alignment_output(RunFiles& files, const std::string& role, const std::string& path,
                              const std::string& first_language, const std::string& second_language,
                              std::optional<OutputFormat> format) {
  if ((format ? *format : output_format_of(path)) != OutputFormat::moses) {
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
  const format::FormatOptions format_options{format::PairSelection(options.filter)};
  format::TmxHeader header = options.header;
  header.filters = format::describe(options.filter);
  switch (options.format ? *options.format : output_format_of(path)) {
    case OutputFormat::tmx_zst:
      return write_bundle(document, path, header, options);
    case OutputFormat::tmx:
      write_file(path, tmx_text(document, header, options, stats.pairs_written, counts));
      break;
    case OutputFormat::tmx_gz: {
      AtomicOutputFile file(path);
      GzipWriter gzip(file);
      gzip.finish(tmx_text(document, header, options, stats.pairs_written, counts));
      file.commit();
      break;
    }
    case OutputFormat::tsv: {
      std::string text =
          options.tsv_header ? tsv_header_line(document.first_language, document.second_language) : std::string();
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
