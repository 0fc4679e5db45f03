#include "bundle_stats.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/json.h"
#include "format/tmx_reader.h"

namespace untm::cli {

namespace {

std::string band_name(std::size_t band) {
  return fmt::format("{:.1f}-{:.1f}", static_cast<double>(band) / 10.0, static_cast<double>(band + 1) / 10.0);
}

void write_counts(JsonWriter& json, const LinkCounts& counts) {
  json.key("units").number(counts.units).key("manual_units").number(counts.manual_units).key("link_types").begin_object();
  for (const auto& [type, count] : counts.link_types) json.key(type).number(count);
  json.end_object().key("confidence").begin_object();
  for (std::size_t band = 0; band < counts.confidence_bands.size(); ++band) {
    json.key(band_name(band)).number(counts.confidence_bands[band]);
  }
  json.end_object();
}

}  // namespace

void LinkCounts::add(const AlignedPair& pair) {
  ++units;
  manual_units += pair.origin == LinkOrigin::manual;
  ++link_types[to_string(pair.link.type())];
  const double clamped = std::clamp(pair.link.confidence, 0.0, 1.0);
  ++confidence_bands[std::min<std::size_t>(static_cast<std::size_t>(clamped * 10), 9)];
}

void LinkCounts::add(const LinkCounts& other) {
  units += other.units;
  manual_units += other.manual_units;
  for (const auto& [type, count] : other.link_types) link_types[type] += count;
  for (std::size_t band = 0; band < confidence_bands.size(); ++band) confidence_bands[band] += other.confidence_bands[band];
}

BundleStats collect_stats(bundle::BundleReader& reader) {
  BundleStats stats;
  for (const auto& entry : reader.documents()) {
    const std::string xml = reader.document_xml(entry);
    stats.xml_bytes += xml.size();
    const AlignedDocument document = format::parse_tmx_units(
        xml, fmt::format("{}: document {}", reader.source_name(), entry.id), entry.first_language,
        entry.second_language);
    ++stats.language_pairs[fmt::format("{}-{}", entry.first_language, entry.second_language)];
    stats.cleaned_characters += entry.cleaned_characters;
    LinkCounts counts;
    for (const auto& pair : document.pairs) counts.add(pair);
    stats.total.add(counts);
    stats.documents.emplace_back(entry.id, std::move(counts));
  }
  return stats;
}

std::string stats_text(const BundleStats& stats, bundle::BundleReader& reader) {
  const LinkCounts& total = stats.total;
  const format::TmxHeader header = reader.header();
  // Units a person checked or corrected (x-origin manual, untm align --from-links).
  std::string report = fmt::format("bundle\t{}\ndocuments\t{}\nunits\t{}\nmanual units\t{}\nsrclang\t{}\n",
                                   reader.source_name(), reader.documents().size(), total.units, total.manual_units,
                                   header.srclang);
  if (!header.filters.empty()) report += fmt::format("filters\t{}\n", header.filters);
  for (const auto& [languages, count] : stats.language_pairs) {
    report += fmt::format("languages {}\t{}\n", languages, count);
  }
  const double units = static_cast<double>(std::max<std::uint64_t>(total.units, 1));
  for (const auto& [type, count] : total.link_types) {
    report += fmt::format("link {}\t{}\t{:.1f}%\n", type, count, 100.0 * static_cast<double>(count) / units);
  }
  for (std::size_t band = 0; band < total.confidence_bands.size(); ++band) {
    report += fmt::format("confidence {}\t{}\n", band_name(band), total.confidence_bands[band]);
  }
  report += fmt::format("cleaned characters\t{}\n", stats.cleaned_characters);
  const double file_size = static_cast<double>(std::max<std::uint64_t>(reader.file_size(), 1));
  report += fmt::format("bytes\t{}\ntmx bytes\t{}\ncompression ratio\t{:.2f}\n", reader.file_size(), stats.xml_bytes,
                        static_cast<double>(stats.xml_bytes) / file_size);
  return report;
}

std::string stats_json(const BundleStats& stats, bundle::BundleReader& reader) {
  const format::TmxHeader header = reader.header();
  std::string out;
  JsonWriter json(out);
  json.begin_object().key("bundle").string(reader.source_name());
  json.key("documents_count").number(static_cast<std::uint64_t>(stats.documents.size()));
  json.key("srclang").string(header.srclang).key("filters").string(header.filters);
  json.key("languages").begin_object();
  for (const auto& [languages, count] : stats.language_pairs) json.key(languages).number(count);
  json.end_object().key("cleaned_characters").number(stats.cleaned_characters);
  json.key("bytes").number(reader.file_size()).key("tmx_bytes").number(stats.xml_bytes);
  json.key("total").begin_object();
  write_counts(json, stats.total);
  json.end_object().key("documents").begin_array();
  for (const auto& [id, counts] : stats.documents) {
    json.begin_object().key("id").string(id);
    write_counts(json, counts);
    json.end_object();
  }
  json.end_array().end_object();
  return out + '\n';
}

}  // namespace untm::cli
