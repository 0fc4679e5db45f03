#include "pipeline/settings.h"

#include <fmt/format.h>

#include "core/json.h"

namespace untm::pipeline {

std::vector<SettingField> LexiconSettings::fields() const {
  return {
      {"dictionary", dictionary},
      {"lexicon", lexicon},
      {"save_lexicon", save_lexicon},
      {"learn", fmt::format("{}", learn)},
      {"sample_documents", fmt::format("{}", sample_documents)},
      {"training_pairs", fmt::format("{}", training_pairs)},
      {"lexical_weight", fmt::format("{}", lexical_weight)},
  };
}

std::vector<SettingField> BatchSettings::fields() const {
  std::vector<SettingField> all = {
      {"presplit", fmt::format("{}", presplit)},
      {"input_format", input_format ? std::string(read::input_format_name(*input_format)) : "auto"},
      {"srclang", srclang},
      {"links_dir", links_dir},
      {"posterior_decoding", fmt::format("{}", posterior_decoding)},
  };
  for (auto& field : lexicon.fields()) all.push_back({"lexicon." + field.name, std::move(field.value)});
  return all;
}

std::string to_json(const std::vector<SettingField>& fields) {
  std::string json = "{";
  for (const SettingField& field : fields) {
    if (json.size() > 1) json += ',';
    append_json_string(json, field.name);
    json += ':';
    append_json_string(json, field.value);
  }
  return json + "}";
}

}  // namespace untm::pipeline
