// Replays fuzz inputs without libFuzzer, so that the seed corpora and the
// crash regressions are tests in every build: ctest runs each fuzz target
// over tests/fuzz/seeds/<target>/ and tests/fuzz/regressions/<target>/ as
// fuzz_replay.<target>. The sanitizer build turns memory errors into crashes.
// Each input's name is printed before it runs, so that whatever kills the
// process (abort, a signal, a sanitizer report), the last name printed is the
// input that did it.
// Usage: <target>_replay PATH...   (files, or folders of files)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// The files of each folder in name order (a stable replay order), and files as given.
std::vector<std::filesystem::path> list_inputs(int argc, char** argv) {
  std::vector<std::filesystem::path> inputs;
  for (int index = 1; index < argc; ++index) {
    const std::filesystem::path path(argv[index]);
    if (!std::filesystem::is_directory(path)) {
      inputs.push_back(path);
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    inputs.insert(inputs.end(), files.begin(), files.end());
  }
  return inputs;
}

bool replay(const std::filesystem::path& input) {
  std::cerr << "replaying " << input.string() << std::endl;
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "fuzz replay: cannot open " << input.string() << '\n';
    return false;
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  try {
    // libFuzzer hands over a buffer of exactly the input's size; so does this.
    const std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.data(), data.size());
  } catch (const std::exception& error) {
    // Under libFuzzer an escaping exception is a crash too.
    std::cerr << "fuzz replay: " << input.string() << ": uncaught exception: " << error.what() << '\n';
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const auto inputs = list_inputs(argc, argv);
  if (inputs.empty()) {
    std::cerr << "fuzz replay: no inputs (usage: " << argv[0] << " FILE_OR_FOLDER...)\n";
    return 2;
  }
  for (const auto& input : inputs) {
    if (!replay(input)) return 1;
  }
  std::cerr << "fuzz replay: " << inputs.size() << " inputs, no crash\n";
  return 0;
}
