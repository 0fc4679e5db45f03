#pragma once
// The exit codes of untm, one per kind of failure, so that scripts can tell
// "fix the input" from "fix the command line" from "fix the disk"
// (docs/ARCHITECTURE.md, "Errors and exit codes"). 64 and 74 are the BSD
// sysexits.h codes EX_USAGE and EX_IOERR.

namespace untm::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInputError = 1,            // InputError: a file's content, a missing file
  kExitInternalError = 2,         // anything else: a bug
  kExitSomeDocumentsFailed = 3,   // untm batch: bundle written, some documents failed
  kExitUsageError = 64,           // UsageError, bad options: EX_USAGE
  kExitOutputError = 74,          // OutputError: cannot write an output: EX_IOERR
};

}  // namespace untm::cli
