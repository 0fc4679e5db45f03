// The batch layer's thread pool: a header-only template, tested directly.
#include "pipeline/ordered_pool.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

using namespace untm::pipeline;

TEST_CASE("results come back in document order whatever order the workers finish in", "[pipeline][pool]") {
  OrderedRunOptions options;
  options.threads = 4;
  options.window = 6;
  options.idle_interval = std::chrono::milliseconds(1);
  std::atomic<int> running{0};
  std::atomic<int> most_running{0};
  std::vector<std::size_t> consumed;
  run_in_order<std::size_t>(
      3, 60, options,
      [&](std::size_t index) {
        const int now = ++running;
        for (int seen = most_running; now > seen && !most_running.compare_exchange_weak(seen, now);) {
        }
        // Early documents are the slow ones, so later ones finish first.
        std::this_thread::sleep_for(std::chrono::microseconds((60 - index) * 30));
        --running;
        return index * 10;
      },
      [&](std::size_t index, std::size_t& result) {
        CHECK(result == index * 10);
        consumed.push_back(index);
      },
      [] {});
  std::vector<std::size_t> expected;
  for (std::size_t i = 3; i < 60; ++i) expected.push_back(i);
  CHECK(consumed == expected);
  CHECK(most_running <= 4);
}

TEST_CASE("no more than the window of documents is started ahead of the one being consumed", "[pipeline][pool]") {
  OrderedRunOptions options;
  options.threads = 3;
  options.window = 4;
  options.idle_interval = std::chrono::milliseconds(1);
  std::atomic<std::size_t> highest_started{0};
  std::size_t highest_seen_while_consuming = 0;
  bool window_exceeded = false;
  run_in_order<int>(
      0, 40, options,
      [&](std::size_t index) {
        for (std::size_t seen = highest_started; index > seen && !highest_started.compare_exchange_weak(seen, index);) {
        }
        return 0;
      },
      [&](std::size_t index, int&) {
        // A slow consumer: the workers run ahead as far as the window lets them.
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        highest_seen_while_consuming = std::max<std::size_t>(highest_seen_while_consuming, highest_started);
        if (highest_started > index + options.window) window_exceeded = true;
      },
      [] {});
  CHECK_FALSE(window_exceeded);
  CHECK(highest_seen_while_consuming == 39);  // they did run ahead
}

TEST_CASE("an exception from a job reaches the caller at that job's turn", "[pipeline][pool]") {
  OrderedRunOptions options;
  options.threads = 2;
  std::vector<std::size_t> consumed;
  CHECK_THROWS_WITH(run_in_order<int>(
                        0, 20, options,
                        [](std::size_t index) -> int {
                          if (index == 5) throw std::runtime_error("job 5 broke");
                          return 0;
                        },
                        [&](std::size_t index, int&) { consumed.push_back(index); }, [] {}),
                    "job 5 broke");
  CHECK(consumed == std::vector<std::size_t>{0, 1, 2, 3, 4});
}

TEST_CASE("an exception from the consumer stops the workers and propagates", "[pipeline][pool]") {
  OrderedRunOptions options;
  options.threads = 2;
  options.window = 3;
  std::atomic<std::size_t> started{0};
  CHECK_THROWS_WITH(run_in_order<int>(
                        0, 1000, options,
                        [&](std::size_t) {
                          ++started;
                          return 0;
                        },
                        [](std::size_t index, int&) {
                          if (index == 2) throw std::runtime_error("disk full");
                        },
                        [] {}),
                    "disk full");
  CHECK(started <= 2 + 1 + options.window);
}
