#include "option_values.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/error.h"
#include "format/tmx.h"

namespace untm::cli {

long long parse_integer_option(std::string_view text, const char* option, long long min, long long max) {
  long long value = 0;
  const char* end = text.data() + text.size();
  // from_chars takes no '+'; "-1" parses as signed, so it is refused below
  // instead of wrapping around in an unsigned option.
  const char* begin = text.starts_with('+') ? text.data() + 1 : text.data();
  const auto [stop, error] = std::from_chars(begin, end, value);
  if (text.empty() || error != std::errc() || stop != end || value < min || value > max) {
    throw UsageError(fmt::format("{}: '{}' is not a whole number from {} to {}", option, text, min, max));
  }
  return value;
}

double parse_number_option(std::string_view text, const char* option, const NumberRange& range) {
  double value = 0;
  const char* end = text.data() + text.size();
  const char* begin = text.starts_with('+') ? text.data() + 1 : text.data();
  const auto [stop, error] = std::from_chars(begin, end, value);
  const bool above_min = range.min_bound == Bound::inclusive ? value >= range.min : value > range.min;
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value) || !above_min ||
      value > range.max) {
    throw UsageError(fmt::format("{}: '{}' is not a number {} {} and at most {}", option, text,
                                 range.min_bound == Bound::inclusive ? "from" : "above", range.min, range.max));
  }
  return value;
}

boost::program_options::typed_value<std::string>* number_value(double& target, const char* option,
                                                               const NumberRange& range) {
  return boost::program_options::value<std::string>()->notifier([&target, option, range](const std::string& text) {
    target = parse_number_option(text, option, range);
  });
}

std::string shown_default(double value) { return fmt::format("{}", value); }
std::string shown_default(long long value) { return fmt::format("{}", value); }

void check_date_option(const std::string& value, const char* option) {
  if (!format::is_tmx_date(value)) {
    throw UsageError(fmt::format("{} '{}' is not a TMX date such as 20131001T120000Z (a real day, time "
                                 "before 24:00)",
                                 option, value));
  }
}

}  // namespace untm::cli
