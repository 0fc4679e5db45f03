#!/usr/bin/python3
"""Gale & Church (1993), "A program for aligning sentences in bilingual
corpora", written from the paper with numba (Debian python3-numba): the
anchor that `untm bench speed` measures untm against.

The paper's model and nothing else: six link types (1-1, 1-0, 0-1, 2-1, 1-2,
2-2) with the priors of its table 5, c = 1 and s2 = 6.8, the distance of its
appendix program (delta = (l2 - l1 c) / sqrt(s2 (l1 + l2 / c) / 2), cost
-log(2 (1 - Phi(|delta|))) - log(prior)), and the whole matrix searched: the
paper aligns sentences inside aligned paragraphs and needs no band, so the
matrix of one block is n1 x n2 cells (one byte of back-pointer each).

usage: gale-church-numba.py LENGTHS [LINKS_OUT]
  LENGTHS holds two lines of space-separated sentence lengths (first side,
  second side). Prints "wall_seconds cpu_seconds peak_rss_kb cells links" on
  one line, the timing after numba's compilation (compiled on a tiny input
  first). LINKS_OUT, when given, receives one link a line, "[i,j]:[k]" with
  0-based indices, in order.
"""
import math
import resource
import sys
import time

import numpy as np
from numba import njit

# (first count, second count, prior): table 5 of the paper.
LINK_TYPES = ((1, 1, 0.89), (1, 0, 0.0099), (0, 1, 0.0099), (2, 1, 0.089), (1, 2, 0.089), (2, 2, 0.011))
C = 1.0
S2 = 6.8


@njit(cache=False)
def length_cost(first, second):
    if first == 0 and second == 0:
        return 0.0
    mean = (first + second / C) / 2.0
    z = (C * first - second) / math.sqrt(S2 * mean)
    # Two-tailed probability; floored so that the cost stays finite.
    p = max(math.erfc(abs(z) / math.sqrt(2.0)), 1e-300)
    return -math.log(p)


@njit(cache=False)
def align(first, second, counts, prior_costs):
    n1, n2 = first.shape[0], second.shape[0]
    back = np.full((n1 + 1, n2 + 1), -1, dtype=np.int8)
    previous2 = np.full(n2 + 1, np.inf)
    previous = np.full(n2 + 1, np.inf)
    current = np.full(n2 + 1, np.inf)
    rows = (previous2, previous, current)
    for i in range(n1 + 1):
        row = rows[i % 3]
        for j in range(n2 + 1):
            best, best_type = np.inf, -1
            if i == 0 and j == 0:
                best = 0.0
            for t in range(counts.shape[0]):
                a, b = counts[t, 0], counts[t, 1]
                if a > i or b > j:
                    continue
                before = rows[(i - a) % 3][j - b]
                if before == np.inf:
                    continue
                l1 = 0.0
                for k in range(i - a, i):
                    l1 += first[k]
                l2 = 0.0
                for k in range(j - b, j):
                    l2 += second[k]
                cost = before + prior_costs[t] + length_cost(l1, l2)
                if cost < best:
                    best, best_type = cost, t
            row[j] = best
            back[i, j] = best_type
    links = []
    i, j = n1, n2
    while i > 0 or j > 0:
        t = back[i, j]
        a, b = counts[t, 0], counts[t, 1]
        links.append((i - a, a, j - b, b))
        i, j = i - a, j - b
    return links


def main():
    lines = open(sys.argv[1]).read().split("\n")
    first = np.array([float(x) for x in lines[0].split()])
    second = np.array([float(x) for x in lines[1].split()])
    counts = np.array([(a, b) for a, b, _ in LINK_TYPES], dtype=np.int64)
    prior_costs = np.array([-math.log(p) for _, _, p in LINK_TYPES])
    align(np.array([3.0, 5.0]), np.array([4.0]), counts, prior_costs)  # compile outside the timing
    start, cpu_start = time.perf_counter(), time.process_time()
    links = align(first, second, counts, prior_costs)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(wall, cpu, peak, (len(first) + 1) * (len(second) + 1), len(links))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as out:
            for i, a, j, b in reversed(links):
                out.write("[%s]:[%s]\n" % (",".join(map(str, range(i, i + a))), ",".join(map(str, range(j, j + b)))))


if __name__ == "__main__":
    main()
