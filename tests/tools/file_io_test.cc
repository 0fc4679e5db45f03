// The tool's file layer, reached through the untm_tool library: which error
// kind (and so which exit code) a failing file gets, and what it names.
#include "file_io.h"

#include <catch2/catch.hpp>

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
