// The batch layer's thread pool: a header-only template, tested directly.
#include "pipeline/ordered_pool.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>
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

TEST_CASE("once the jobs left fit in the window, the largest starts first; results stay in order", "[pipeline][pool]") {
  OrderedRunOptions options;
  options.threads = 1;
  options.window = 4;
  options.idle_interval = std::chrono::milliseconds(1);
  const std::vector<double> sizes = {1, 1, 1, 1, 1, 1, 1, 1, 9};
  options.size = [&](std::size_t index) { return sizes[index]; };
  std::mutex mutex;
  std::condition_variable caught_up;
  std::vector<std::size_t> started;
  std::vector<std::size_t> consumed;
  run_in_order<std::size_t>(
      0, sizes.size(), options,
      [&](std::size_t index) {
        // As in a batch, the consumer keeps up: each job waits for the ones before it to be consumed.
        std::unique_lock lock(mutex);
        started.push_back(index);
        caught_up.wait_for(lock, std::chrono::seconds(10), [&] { return consumed.size() + 1 == started.size(); });
        return index;
      },
      [&](std::size_t index, std::size_t& result) {
        CHECK(result == index);
        const std::lock_guard lock(mutex);
        consumed.push_back(index);
        caught_up.notify_all();
      },
      [] {});
  CHECK(consumed == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8});
  REQUIRE(started.size() == 9);
  // In list order while more than the window is left; the large last job
  // starts before the small ones left with it.
  CHECK(std::vector<std::size_t>(started.begin(), started.begin() + 5) == std::vector<std::size_t>{0, 1, 2, 3, 4});
  const auto position = [&](std::size_t job) { return std::find(started.begin(), started.end(), job) - started.begin(); };
  CHECK(position(8) < position(6));
  CHECK(position(8) < position(7));
}

TEST_CASE("run_all runs every task, at once on as many threads, and rethrows a task's exception", "[pipeline][pool]") {
  std::mutex mutex;
  std::condition_variable arrived;
  int waiting = 0;
  bool met = true;
  // Each task waits for the other: they only meet if they run at once.
  const auto meet = [&] {
    std::unique_lock lock(mutex);
    ++waiting;
    arrived.notify_all();
    met = arrived.wait_for(lock, std::chrono::seconds(10), [&] { return waiting == 2; }) && met;
  };
  const std::function<void()> both[] = {meet, meet};
  run_all(both, 2);
  CHECK(waiting == 2);
  CHECK(met);

  std::vector<int> ran;
  const std::function<void()> in_turn[] = {[&] { ran.push_back(0); }, [&] { ran.push_back(1); }};
  run_all(in_turn, 1);
  CHECK(ran == std::vector<int>{0, 1});

  const std::function<void()> failing[] = {[] {}, [] { throw std::runtime_error("task"); }};
  CHECK_THROWS_AS(run_all(failing, 2), std::runtime_error);
}
