#pragma once
// How the tool reads its environment: a function, so that tests can give
// variables without setting the process's own (std::getenv in use).

#include <functional>

namespace untm::cli {

// Reads one environment variable; nullptr when unset.
using Environment = std::function<const char*(const char*)>;

}  // namespace untm::cli
