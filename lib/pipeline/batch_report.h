#pragma once
// The batch report (--report in the tool): one JSON line per document,
// aligned or failed with the file at fault and why, then one per file that
// could not be paired.

#include <string>
#include <string_view>

#include "batch/journal.h"
#include "batch/manifest.h"
#include "batch/pairing.h"

namespace untm::pipeline {

std::string report_line(const batch::DocumentPair& pair, const batch::JournalRecord& record);
std::string report_line(const batch::UnpairedFile& file);

}  // namespace untm::pipeline
