#pragma once
// The exit codes of untm, one per kind of failure, so that scripts can tell
// "fix the input" from "fix the command line" from "fix the disk"
// (docs/ARCHITECTURE.md, "Errors and exit codes"). 64 and 74 are the BSD
// sysexits.h codes EX_USAGE and EX_IOERR.

namespace untm::cli {

// Each comment is the meaning `man untm` gives (tools/untm/install/generate.py
// reads this list): keep one line per code.
enum ExitCode : int {
  kExitOk = 0,                    // success
  kExitInputError = 1,            // bad input: a missing file, invalid text, a damaged bundle, a malformed manifest
  kExitInternalError = 2,         // internal error (a bug: please report it)
  kExitSomeDocumentsFailed = 3,   // untm batch: the bundle was written, but some documents failed
  kExitUsageError = 64,           // bad command line: unknown option, bad value, missing argument (EX_USAGE)
  kExitOutputError = 74,          // an output cannot be written: full disk, read-only or missing folder (EX_IOERR)
};

}  // namespace untm::cli
