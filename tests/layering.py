#!/usr/bin/env python3
"""Checks lib/ against its layer graph (lib/layers.txt, the one place it is written).

Fails (exit 1, one line per fault) when
  - the graph has a cycle, or names a unit that has no line of its own;
  - a folder of lib/ has no line in the graph;
  - a file of lib/<unit> includes "other/..." where `other` is a unit that
    <unit> cannot reach along the graph (an upward or sideways arrow);
  - a string literal in lib/ names a command-line flag ("--something"): the
    library reports causes, the tool adds the flag hint (docs/ARCHITECTURE.md).

Usage: layering.py LIB_DIR
"""

import re
import sys
from pathlib import Path


INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"')
STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def read_graph(path):
    graph = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        unit, colon, depends = line.partition(":")
        if not colon or not unit.strip():
            raise SystemExit(f"{path}:{number}: expected 'unit: dependency ...', got '{line}'")
        graph[unit.strip()] = depends.split()
    return graph


def graph_faults(graph):
    faults = []
    for unit, depends in graph.items():
        faults += [f"layers.txt: {unit} depends on '{d}', which has no line" for d in depends if d not in graph]
    state = {}  # unit -> "visiting" | "done"

    def visit(unit, trail):
        if state.get(unit) == "done" or unit not in graph:
            return
        if state.get(unit) == "visiting":
            cycle = trail[trail.index(unit):] + [unit]
            faults.append("layers.txt: cycle " + " -> ".join(cycle))
            return
        state[unit] = "visiting"
        for dependency in graph[unit]:
            visit(dependency, trail + [unit])
        state[unit] = "done"

    for unit in graph:
        visit(unit, [])
    return faults


def reachable(graph, unit):
    seen, stack = set(), list(graph.get(unit, []))
    while stack:
        other = stack.pop()
        if other in seen or other not in graph:
            continue
        seen.add(other)
        stack.extend(graph[other])
    return seen


def code_lines(path):
    """(number, line) of lines that are not whole-line comments."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.lstrip().startswith("//"):
            yield number, line


def file_faults(lib, graph, path):
    unit = path.parent.name
    allowed = reachable(graph, unit) | {unit}
    stem = f"{unit}/{path.stem}"
    faults = []
    for number, line in code_lines(path):
        where = f"lib/{path.relative_to(lib)}:{number}"
        match = INCLUDE.match(line)
        if match:
            other = match.group(1)
            if other in graph and other not in allowed:
                faults.append(f"{where}: {unit} includes {other}/, outside its layers ({' '.join(sorted(allowed))})")
            continue
        for literal in STRING_LITERAL.findall(line):
            for flag in FLAG.findall(literal):
                faults.append(f"{where}: names the command-line flag {flag}; report the cause, let the tool add the hint")
    return faults


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    lib = Path(sys.argv[1])
    graph = read_graph(lib / "layers.txt")
    faults = graph_faults(graph)
    for folder in sorted(p for p in lib.iterdir() if p.is_dir()):
        if folder.name not in graph:
            faults.append(f"lib/{folder.name} has no line in lib/layers.txt")
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix in (".h", ".cc"):
                faults += file_faults(lib, graph, path)
    for fault in faults:
        print(fault)
    units = sum(1 for unit in graph if (lib / unit).is_dir())
    print(f"layering: {units} units, {len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
