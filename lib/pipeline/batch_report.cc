#include "pipeline/batch_report.h"

#include <fmt/format.h>

#include "core/json.h"

namespace untm::pipeline {

std::string report_line(const batch::DocumentPair& pair, const batch::JournalRecord& record) {
  std::string line = "{\"id\":";
  append_json_string(line, pair.id);
  line += ",\"zh\":";
  append_json_string(line, pair.first_path);
  line += ",\"en\":";
  append_json_string(line, pair.second_path);
  if (record.failed) {
    line += ",\"status\":\"failed\",\"file\":";
    append_json_string(line, record.failed_file);
    line += ",\"reason\":";
    append_json_string(line, record.failure_reason);
  } else {
    line += fmt::format(",\"status\":\"aligned\",\"pairs\":{},\"bytes\":{}", record.pair_count, record.input_bytes);
    if (!record.warnings.empty()) {
      line += ",\"warnings\":[";
      for (std::size_t i = 0; i < record.warnings.size(); ++i) {
        if (i > 0) line += ',';
        append_json_string(line, record.warnings[i]);
      }
      line += ']';
    }
  }
  line += "}\n";
  return line;
}

std::string report_line(const batch::UnpairedFile& file) {
  std::string line = "{\"file\":";
  append_json_string(line, file.path);
  line += ",\"status\":\"unpaired\",\"reason\":";
  append_json_string(line, file.reason);
  line += "}\n";
  return line;
}

}  // namespace untm::pipeline
