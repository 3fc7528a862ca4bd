"""bench/launch.py: the small launcher that measures an ingest's time and memory."""

import json
import subprocess
import sys
from pathlib import Path

LAUNCH = Path(__file__).resolve().parent.parent / "bench" / "launch.py"


def _launch(*cmd: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-S", str(LAUNCH), *cmd], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_peak_memory_of_a_child_and_of_its_workers():
    # A parent holding 40 MB that starts a worker holding 60 MB, both alive together.
    script = (
        "import subprocess, sys, time\n"
        "block = bytearray(40 * 2**20)\n"
        "code = 'import time; b = bytearray(60 * 2**20); time.sleep(0.3)'\n"
        "subprocess.run([sys.executable, '-c', code], check=True)\n"
    )
    r = _launch(sys.executable, "-c", script)
    assert r["exit"] == 0
    assert 60 * 1024 <= r["maxrss_kb"] < 100 * 1024  # the largest process, not the launcher's
    assert r["tree_kb"] >= 100 * 1024  # both processes together
    assert r["seconds"] >= 0.3


def test_exit_status_is_reported():
    r = _launch(sys.executable, "-c", "raise SystemExit(3)")
    assert r["exit"] == 3
