#!/usr/bin/env bash
# The benchmarks' children (tools/untm/child_process.h) are measured through
# `untm __measure`, so that a child's peak RSS is its own: started straight
# from a process holding 400 MB, a child's ru_maxrss reads 400 MB whatever it
# does. Here a Python parent holding 400 MB runs /bin/true both ways; through
# __measure its peak must be that of /bin/true, a few MB. The report also
# carries the command's exit status, and a command that cannot run is one
# that exited 127.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool python3
python3 - "$untm" > "$work/out" <<'PY' || fail "measuring script failed: $(cat "$work/out")"
import os, resource, subprocess, sys
untm = sys.argv[1]
held = bytearray(400 * 1024 * 1024)
for i in range(0, len(held), 4096):
    held[i] = 1

def measure(*command):
    read_end, write_end = os.pipe()
    child = subprocess.Popen([untm, "__measure", str(write_end), "1", *command], pass_fds=(write_end,))
    os.close(write_end)
    report = os.read(read_end, 256).decode()
    os.close(read_end)
    print("exit", child.wait(), "report", report.strip())

subprocess.run(["/bin/true"])  # first: RUSAGE_CHILDREN is a max over all children
direct = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
measure("/bin/true")
measure("/bin/false")
measure("/no/such/program")
print("direct", direct)
PY
# "exit 0 report STATUS USER SYSTEM MAXRSS_KIB", one line per command.
read -r -a true_run <<< "$(sed -n 1p "$work/out")"
[[ "${true_run[1]} ${true_run[3]}" == "0 0" ]] || fail "/bin/true: $(cat "$work/out")"
expect_number "peak RSS of /bin/true through __measure (KiB)" "${true_run[6]}" '<' 100000
# Without the go-between the same child reads as the parent's size: the
# check above would fail.
direct="$(sed -n 's/^direct //p' "$work/out")"
expect_number "peak RSS of /bin/true started straight from the parent (KiB)" "$direct" '>' 400000
[[ "$(sed -n 2p "$work/out" | cut -d' ' -f4)" == "256" ]] || fail "/bin/false's status: $(cat "$work/out")"
[[ "$(sed -n 3p "$work/out" | cut -d' ' -f4)" == "$((127 * 256))" ]] || fail "a missing program's status: $(cat "$work/out")"
expect_exit 2 "$untm" __measure
echo "measure child: ok"
