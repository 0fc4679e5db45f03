#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "align/exp_each.h"

namespace untm {
namespace {

// Whether two doubles are the same bits (NaN equal to NaN).
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)); }

std::size_t count_differing(const std::vector<double>& x) {
  std::vector<double> out(x.size());
  exp_each(x, out);
  std::size_t differing = 0;
  for (std::size_t k = 0; k < x.size(); ++k) differing += same_bits(out[k], std::exp(x[k])) ? 0 : 1;
  return differing;
}

TEST_CASE("exp_each gives std::exp's doubles to the last bit", "[align][exp_each]") {
  // The posterior pass takes exps of differences to the largest term, most
  // in [-40, 0]; the rest of the range and the special values too.
  std::vector<double> x;
  std::uint64_t state = 12345;
  for (std::size_t k = 0; k < 200000; ++k) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    const double unit = static_cast<double>(state >> 11) * 0x1p-53;
    x.push_back(k % 3 == 0 ? -40.0 * unit : k % 3 == 1 ? -760.0 * unit : 1500.0 * (unit - 0.5));
  }
  const double infinity = std::numeric_limits<double>::infinity();
  for (double special : {0.0, -0.0, -infinity, infinity, std::numeric_limits<double>::quiet_NaN(), 0x1p-54, -0x1p-55,
                         0x1p-60, -1e-300, 511.9, 512.0, -512.0, 709.78, 710.0, -708.4, -745.13, -745.2, -1e6}) {
    x.push_back(special);
  }
  CHECK(count_differing(x) == 0);
  // Every length up to a few vectors, for the padded last lanes.
  for (std::size_t size = 0; size <= 9; ++size) {
    CHECK(count_differing(std::vector<double>(x.begin() + 7, x.begin() + 7 + static_cast<std::ptrdiff_t>(size))) == 0);
  }
}

TEST_CASE("exp_each works in place", "[align][exp_each]") {
  std::vector<double> x = {-1.5, 0.0, -std::numeric_limits<double>::infinity(), -3.25, -600.0, -0.1};
  const std::vector<double> before = x;
  exp_each(x, x);
  for (std::size_t k = 0; k < x.size(); ++k) CHECK(same_bits(x[k], std::exp(before[k])));
}

#if defined(__x86_64__) && defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 28)
TEST_CASE("on glibc with AVX2 and FMA exp_each runs four at a time", "[align][exp_each]") {
  // Else exp_each has found its copy of glibc's exp wrong, and falls back.
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) CHECK(exp_each_is_vectorised());
}
#endif

}  // namespace
}  // namespace untm
