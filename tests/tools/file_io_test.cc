// The tool's file layer, reached through the untm_tool library: which error
// kind (and so which exit code) a failing file gets, and what it names.
#include "file_io.h"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/error.h"

using untm::cli::AtomicOutputFile;

TEST_CASE("file_io: a full disk is an output error naming the output", "[tools][file_io]") {
  AtomicOutputFile out("/dev/full");
  // Larger than any stdio buffer, so the write itself reaches the device.
  const std::string bytes(1 << 20, 'x');
  try {
    out.write(bytes);
    out.commit();
    FAIL("writing to /dev/full succeeded");
  } catch (const untm::OutputError& error) {
    CHECK(error.source() == "/dev/full");
    CHECK(error.message().find("write failed") != std::string::npos);
  }
}

TEST_CASE("file_io: an output in a missing folder is an output error", "[tools][file_io]") {
  CHECK_THROWS_AS(AtomicOutputFile("/nonexistent-untm-folder/out.tsv"), untm::OutputError);
}

TEST_CASE("file_io: a missing input is an input error naming the file", "[tools][file_io]") {
  CHECK_THROWS_MATCHES(untm::cli::read_file("/nonexistent-untm-folder/in.txt"), untm::InputError,
                       Catch::Matchers::Predicate<untm::InputError>(
                           [](const untm::InputError& error) {
                             return error.source() == "/nonexistent-untm-folder/in.txt";
                           },
                           "names the file"));
}

TEST_CASE("file_io: a committed output is in place, an abandoned one leaves nothing", "[tools][file_io]") {
  const auto folder = std::filesystem::temp_directory_path() / "untm-file-io-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  {
    AtomicOutputFile kept(folder / "kept.txt");
    kept.write("done\n");
    kept.commit();
    AtomicOutputFile dropped(folder / "dropped.txt");
    dropped.write("half");
  }
  CHECK(std::filesystem::file_size(folder / "kept.txt") == 5);
  CHECK(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(folder);
}

namespace {

// A scratch folder with one input file, removed at the end of the test.
struct Scratch {
  std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("untm-run-files-test-" + std::to_string(::getpid()));
  Scratch() {
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder / "sub");
    untm::cli::write_file(folder / "in.txt", "input\n");
  }
  ~Scratch() { std::filesystem::remove_all(folder); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

void check_pair(const std::filesystem::path& input, const std::filesystem::path& output) {
  untm::cli::RunFiles files;
  files.input("FILE", input);
  files.output("-o", output);
  files.check();
}

}  // namespace

TEST_CASE("file_io: an output naming an input is refused however it is spelled", "[tools][file_io]") {
  const Scratch scratch;
  const auto& folder = scratch.folder;
  std::filesystem::create_hard_link(folder / "in.txt", folder / "hard.txt");
  std::filesystem::create_symlink("in.txt", folder / "link.txt");
  for (const auto& output : {folder / "in.txt", folder / "sub" / ".." / "in.txt", folder / "." / "in.txt",
                             folder / "hard.txt", folder / "link.txt"}) {
    CAPTURE(output);
    CHECK_THROWS_AS(check_pair(folder / "in.txt", output), untm::UsageError);
  }
  CHECK_NOTHROW(check_pair(folder / "in.txt", folder / "out.txt"));
  CHECK(untm::cli::read_file((folder / "in.txt").string()) == "input\n");
}

TEST_CASE("file_io: two outputs naming one new file are refused, two inputs are not", "[tools][file_io]") {
  const Scratch scratch;
  untm::cli::RunFiles outputs;
  outputs.output("-o", scratch.folder / "new.tsv");
  outputs.output("--links", scratch.folder / "sub" / ".." / "new.tsv");
  CHECK_THROWS_AS(outputs.check(), untm::UsageError);
  untm::cli::RunFiles inputs;
  inputs.input("FIRST_FILE", scratch.folder / "in.txt");
  inputs.input("SECOND_FILE", scratch.folder / "in.txt");
  inputs.output("-o", "/dev/null");
  inputs.output("--links", "/dev/null");  // a device is not a file one output could destroy
  CHECK_NOTHROW(inputs.check());
}

TEST_CASE("file_io: an output that cannot be written is found before any work", "[tools][file_io]") {
  const Scratch scratch;
  CHECK_THROWS_AS(check_pair(scratch.folder / "in.txt", scratch.folder / "sub"), untm::OutputError);
  CHECK_THROWS_AS(check_pair(scratch.folder / "in.txt", scratch.folder / "missing" / "out.tsv"), untm::OutputError);
  untm::cli::RunFiles folder_under_file;
  folder_under_file.output_folder("--links-dir", scratch.folder / "in.txt" / "links");
  CHECK_THROWS_AS(folder_under_file.check(), untm::OutputError);
  untm::cli::RunFiles new_folder;
  new_folder.output_folder("--links-dir", scratch.folder / "links");
  new_folder.check();
  CHECK(std::filesystem::is_directory(scratch.folder / "links"));
  CHECK(std::filesystem::is_empty(scratch.folder / "links"));  // the probe file is gone
}
