#pragma once
// Checked option values (issue #10): every number a command takes goes
// through here, with its range, so that a bad value is a UsageError (exit 64)
// when the command line is parsed, before any work. Boost.Program_options on
// its own wraps "-1" into 4294967295 for an unsigned option and takes "inf"
// and "nan" for a double, which then ran forever or ended as exit 2.

#include <boost/program_options.hpp>

#include <concepts>
#include <string>
#include <string_view>

namespace untm::cli {

// The integer in `text` when it is one (optional sign, digits, nothing else)
// and min <= value <= max; otherwise throws UsageError naming `option` and
// the range.
long long parse_integer_option(std::string_view text, const char* option, long long min, long long max);

// Whether a bound of a number range is allowed itself: a variance factor of 0
// is meaningless, a weight of 0 is fine.
enum class Bound { inclusive, exclusive };

struct NumberRange {
  double min;
  Bound min_bound;
  double max;
};

// A finite number in `range`; otherwise throws UsageError naming `option`.
double parse_number_option(std::string_view text, const char* option, const NumberRange& range);

// Value semantics that parse into `target` through the two functions above.
// Chain ->default_value(shown_default(target)) for a default shown in --help.
template <std::integral T>
boost::program_options::typed_value<std::string>* integer_value(T& target, const char* option, long long min,
                                                                long long max) {
  return boost::program_options::value<std::string>()->notifier([&target, option, min, max](const std::string& text) {
    target = static_cast<T>(parse_integer_option(text, option, min, max));
  });
}

boost::program_options::typed_value<std::string>* number_value(double& target, const char* option,
                                                               const NumberRange& range);

// How --help shows a default value.
std::string shown_default(double value);
std::string shown_default(long long value);
template <std::integral T>
std::string shown_default(T value) {
  return shown_default(static_cast<long long>(value));
}

// Throws UsageError unless `value` is a TMX date (YYYYMMDDThhmmssZ) that
// exists on the calendar.
void check_date_option(const std::string& value, const char* option);

}  // namespace untm::cli
