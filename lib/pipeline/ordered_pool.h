#pragma once
// The batch layer's thread pool (the only threads in untm, like zstd's
// pool.c): runs one job per document on worker threads and hands the results back on the
// calling thread in document order, whatever order the workers finish in, so
// that the bundle's bytes do not depend on thread timing.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

namespace untm::pipeline {

struct OrderedRunOptions {
  unsigned threads = 1;
  // Results running or waiting for their turn, at most: bounds memory however
  // slow one document is compared with the ones after it.
  std::size_t window = 8;
  // `idle` is called this often while the next result is not ready yet (to
  // keep a progress display moving).
  std::chrono::milliseconds idle_interval{200};
  // The work of job i, roughly (a document's input bytes); empty: unknown.
  // Once the jobs left all fit in the window, the largest left starts first,
  // so that no worker waits alone on a large job started last (a batch of 20
  // documents at -j2 lost ~7% of its pass 2 so). Before that, jobs start in
  // order: a small first job started late would hold the window still.
  std::function<double(std::size_t)> size;
};

// Calls work(i) for every i in [begin, end) on `options.threads` threads and
// consume(i, result) on the calling thread for i = begin, begin+1, ... in
// order. An exception from `work` is rethrown on the calling thread when
// document i's turn comes; one from `consume` stops the workers (after their
// current job) and propagates.
template <typename Result>
void run_in_order(std::size_t begin, std::size_t end, const OrderedRunOptions& options,
                  const std::function<Result(std::size_t)>& work,
                  const std::function<void(std::size_t, Result&)>& consume,
                  const std::function<void()>& idle) {
  if (begin >= end) return;
  const std::size_t window = std::max<std::size_t>(options.window, 1);
  using Slot = std::variant<std::monostate, Result, std::exception_ptr>;
  std::vector<Slot> slots(window);  // result of document i waits in slots[i % window]
  std::mutex mutex;
  std::condition_variable result_ready;
  std::condition_variable slot_free;
  std::size_t next_to_claim = begin;  // jobs before it have all started
  std::size_t next_to_consume = begin;
  std::vector<bool> started(window);  // of job i in [next_to_claim, next_to_claim + window), at i % window
  bool stopping = false;

  // The job to start now, or `end` when none may start (call under `mutex`).
  const auto pick = [&]() -> std::size_t {
    while (next_to_claim < end && started[next_to_claim % window]) {
      started[next_to_claim % window] = false;
      ++next_to_claim;
    }
    // Job i may start only when slot i % window has been consumed.
    const std::size_t limit = std::min(end, next_to_consume + window);
    if (next_to_claim >= limit) return end;
    if (!options.size || end - next_to_consume > window) return next_to_claim;
    std::size_t largest = next_to_claim;
    for (std::size_t i = next_to_claim + 1; i < limit; ++i) {
      if (!started[i % window] && options.size(i) > options.size(largest)) largest = i;
    }
    return largest;
  };

  const auto worker = [&] {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        slot_free.wait(lock, [&] { return stopping || next_to_claim >= end || pick() != end; });
        if (stopping || next_to_claim >= end) return;
        index = pick();
        started[index % window] = true;
      }
      Slot outcome;
      try {
        outcome.template emplace<Result>(work(index));
      } catch (...) {
        outcome.template emplace<std::exception_ptr>(std::current_exception());
      }
      {
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(outcome);
      }
      result_ready.notify_one();
    }
  };

  std::vector<std::jthread> workers;
  const auto stop_workers = [&] {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    slot_free.notify_all();
    workers.clear();  // joins
  };
  for (unsigned i = 0; i < std::max(options.threads, 1u); ++i) workers.emplace_back(worker);

  try {
    for (std::size_t index = begin; index < end; ++index) {
      Slot outcome;
      for (;;) {
        std::unique_lock lock(mutex);
        Slot& slot = slots[index % window];
        if (result_ready.wait_for(lock, options.idle_interval,
                                  [&] { return !std::holds_alternative<std::monostate>(slot); })) {
          outcome = std::move(slot);
          slot = std::monostate{};
          ++next_to_consume;
          break;
        }
        lock.unlock();
        idle();
      }
      slot_free.notify_all();
      if (auto* error = std::get_if<std::exception_ptr>(&outcome)) std::rethrow_exception(*error);
      consume(index, std::get<Result>(outcome));
    }
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
}

}  // namespace untm::pipeline
