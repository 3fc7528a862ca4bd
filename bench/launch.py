"""Run a command from a small process and report its cost as one JSON line.

`python -S bench/launch.py CMD...` prints {"seconds", "exit", "maxrss_kb", "tree_kb"}:
- maxrss_kb: wait4's peak RSS of CMD (the largest single process of its tree). Spawned from
  this small process, it no longer counts the memory of a large parent copied at fork.
- tree_kb: the peak of the summed proportional set size (PSS: shared pages split between the
  processes that share them) of CMD and all its descendants (worker processes), sampled every
  10 ms from /proc; a spike shorter than that can be missed.

It imports nothing but os, sys, time and json so that it stays small.
"""

import json
import os
import sys
import time


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass  # the process ended between the listing and the read
    return 0


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return pids


def main(cmd: list[str]) -> int:
    quiet = [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    t0 = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=quiet)
    peak = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        peak = max(peak, sum(_pss_kb(p) for p in _tree(pid)))
        time.sleep(0.01)
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "exit": os.waitstatus_to_exitcode(status),
                "maxrss_kb": usage.ru_maxrss,
                "tree_kb": peak,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
