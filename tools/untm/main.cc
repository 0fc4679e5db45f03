// untm: dispatches to one subcommand and turns errors into messages and exit
// codes (exit_codes.h; docs/ARCHITECTURE.md, "Errors and exit codes").

#include <boost/program_options/errors.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <exception>
#include <new>
#include <string_view>

#include "child_process.h"
#include "commands.h"
#include "core/error.h"
#include "exit_codes.h"
#include "pdf_child.h"
#include "pipeline/document.h"

namespace {

struct Subcommand {
  std::string_view name;
  int (*run)(const untm::cli::Arguments&);
  std::string_view summary;
};

constexpr Subcommand kSubcommands[] = {
    {"split", untm::cli::run_split, "one sentence per line, a blank line between paragraphs"},
    {"align", untm::cli::run_align, "align a Chinese and an English document"},
    {"batch", untm::cli::run_batch, "align many document pairs into one bundle"},
    {"bundle", untm::cli::run_bundle, "list, check, read, export and merge .tmx.zst bundles"},
    {"eval", untm::cli::run_eval, "score links against a gold alignment (strict/lax P/R/F1)"},
    {"bench", untm::cli::run_bench, "measure speed and accuracy on built-in benchmarks"},
};

void print_usage(std::FILE* out) {
  fmt::print(out, "usage: untm COMMAND [OPTIONS] ...\n\ncommands:\n");
  for (const auto& command : kSubcommands) fmt::print(out, "  {:<8} {}\n", command.name, command.summary);
  fmt::print(out, "\n'untm help COMMAND' (or 'untm COMMAND --help') describes one command.\n");
}

const Subcommand* find_subcommand(std::string_view name) {
  for (const auto& command : kSubcommands) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

// Runs one command and turns its exceptions into a message and an exit code.
int run_command(const Subcommand& command, const untm::cli::Arguments& args) {
  using namespace untm::cli;
  const std::string_view name = command.name;
  try {
    return command.run(args);
  } catch (const untm::InputError& error) {
    fmt::print(stderr, "untm {}: {}\n", name, error.what());
    return kExitInputError;
  } catch (const untm::OutputError& error) {
    fmt::print(stderr, "untm {}: {}\n", name, error.what());
    return kExitOutputError;
  } catch (const untm::UsageError& error) {
    fmt::print(stderr, "untm {}: {}\n(see 'untm {} --help')\n", name, error.what(), name);
    return kExitUsageError;
  } catch (const boost::program_options::error& error) {
    fmt::print(stderr, "untm {}: {}\n(see 'untm {} --help')\n", name, error.what(), name);
    return kExitUsageError;
  } catch (const std::bad_alloc&) {
    // Not a bug (exit 2): the input needs more memory than the run may use.
    fmt::print(stderr, "untm {}: ran out of memory (free memory, raise the memory limit, or give smaller "
               "inputs)\n", name);
    return kExitInputError;
  } catch (const std::exception& error) {
    fmt::print(stderr, "untm {}: internal error: {}\n", name, error.what());
    return kExitInternalError;
  }
}

// `untm help COMMAND [ACTION]`: the same text as `untm COMMAND [ACTION] --help`.
int run_help(int argc, char** argv) {
  if (argc < 3) {
    print_usage(stdout);
    return untm::cli::kExitOk;
  }
  const Subcommand* command = find_subcommand(argv[2]);
  if (command == nullptr) {
    fmt::print(stderr, "untm help: unknown command '{}'\n", argv[2]);
    print_usage(stderr);
    return untm::cli::kExitUsageError;
  }
  untm::cli::Arguments args(argv + 3, argv + argc);
  args.push_back("--help");
  return run_command(*command, args);
}

// `untm align`'s passes over one long document each allocate and free
// tables of several MB (search bands, IBM Model 1's state, the lexical
// model). glibc gives such blocks back to the kernel when they are freed
// (above its mmap threshold, and by trimming the top of the heap), so the
// next pass faults as many fresh, zeroed pages in again: a third of its page
// faults on the K=7 block, some 40 ms. Blocks up to 32 MB (the largest
// threshold glibc takes) then come from the heap, which is not trimmed, and
// later ones reuse the pages; peak memory stays that of the largest pass.
// Not for `untm batch`: its threads' arenas kept what they freed (a
// 400-document batch's peak RSS 181 -> 219 MB) for no time saved.
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace untm::cli;
  if (argc < 2) {
    print_usage(stderr);
    return kExitUsageError;
  }
  const std::string_view name = argv[1];
  if (name == kReadPdfChildCommand) return run_read_pdf_child(argc, argv);
  if (name == kMeasureChildCommand) return run_measure_child(argc, argv);
  untm::pipeline::install_pdf_reader([](std::string_view bytes, const std::string& source_name) {
    return read_pdf_in_child(bytes, source_name, pdf_child_limits(bytes.size(), std::getenv));
  });
  if (name == "--help" || name == "-h") {
    print_usage(stdout);
    return kExitOk;
  }
  if (name == "help") return run_help(argc, argv);
  if (name == "--version") {
    fmt::print("untm {}\n", UNTM_VERSION);
    return kExitOk;
  }
  if (name == "align") keep_freed_memory();
  if (const Subcommand* command = find_subcommand(name)) {
    return run_command(*command, Arguments(argv + 2, argv + argc));
  }
  fmt::print(stderr, "untm: unknown command '{}'\n", name);
  print_usage(stderr);
  return kExitUsageError;
}
