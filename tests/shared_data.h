// The shared data folder (gold sets, UN samples) is not in the repository:
// test cases that read it carry the tag [.shared]. The leading dot hides them
// from a plain run of untm_tests and from the per-test ctest entries; ctest
// runs them all as unit.shared through tests/run_shared.sh, which reports
// them skipped when the folder is missing. Inside such a test, a missing file
// is a failure, never a silent pass.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <initializer_list>
#include <string>
#include <string_view>

namespace untm::test {

inline std::string read_shared(const std::string& relative) {
  const auto path = std::filesystem::path(UNTM_SHARED_DIR) / relative;
  if (!std::filesystem::is_regular_file(path)) FAIL("shared data file not found: " << path.string());
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Calls `each` with every line (without its '\n') of the shared files.
template <typename Each>
void for_each_shared_line(std::initializer_list<const char*> relatives, Each&& each) {
  for (const char* relative : relatives) {
    const std::string bytes = read_shared(relative);
    std::size_t start = 0;
    while (start < bytes.size()) {
      std::size_t end = bytes.find('\n', start);
      if (end == std::string::npos) end = bytes.size();
      each(std::string_view(bytes).substr(start, end - start));
      start = end + 1;
    }
  }
}

}  // namespace untm::test
