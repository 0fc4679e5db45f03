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
#include <span>
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

// Which job of run_in_order starts next (the caller holds the pool's lock).
// Job i may start only when slot i % window has been consumed.
class StartOrder {
 public:
  StartOrder(std::size_t begin, std::size_t end, std::size_t window, std::function<double(std::size_t)> size)
      : end_(end), window_(window), size_(std::move(size)), next_(begin), started_(window) {}

  bool all_started() { return skip_started() >= end_; }

  // The job to start now, or `end` when none may start yet, with the jobs
  // before `next_to_consume` consumed (see OrderedRunOptions::size).
  std::size_t next(std::size_t next_to_consume) {
    const std::size_t first = skip_started();
    const std::size_t limit = std::min(end_, next_to_consume + window_);
    if (first >= limit) return end_;
    if (!size_ || end_ - next_to_consume > window_) return first;
    std::size_t largest = first;
    for (std::size_t i = first + 1; i < limit; ++i) {
      if (!started_[i % window_] && size_(i) > size_(largest)) largest = i;
    }
    return largest;
  }

  void start(std::size_t job) { started_[job % window_] = true; }

 private:
  // Moves past the jobs started out of order; returns the first not started.
  std::size_t skip_started() {
    while (next_ < end_ && started_[next_ % window_]) {
      started_[next_ % window_] = false;
      ++next_;
    }
    return next_;
  }

  std::size_t end_, window_;
  std::function<double(std::size_t)> size_;
  std::size_t next_;            // jobs before it have all started
  std::vector<bool> started_;   // of job i in [next_, next_ + window_), at i % window_
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
  StartOrder order(begin, end, window, options.size);
  std::size_t next_to_consume = begin;
  bool stopping = false;

  const auto worker = [&] {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        slot_free.wait(lock, [&] { return stopping || order.all_started() || order.next(next_to_consume) != end; });
        if (stopping || order.all_started()) return;
        index = order.next(next_to_consume);
        order.start(index);
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

// Runs every task on up to `threads` threads and returns when all are done;
// the first exception (in task order) is rethrown.
inline void run_all(std::span<const std::function<void()>> tasks, unsigned threads) {
  OrderedRunOptions options;
  options.threads = static_cast<unsigned>(std::min<std::size_t>(std::max(threads, 1u), tasks.size()));
  options.window = tasks.size();
  run_in_order<bool>(
      0, tasks.size(), options,
      [&](std::size_t index) {
        tasks[index]();
        return true;
      },
      [](std::size_t, bool&) {}, [] {});
}

}  // namespace untm::pipeline
