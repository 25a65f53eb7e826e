"""Run one process and measure it: wall time, exit code and peak resident memory.

Peak memory comes from `os.wait4`, i.e. the kernel's ru_maxrss of that very child (and of the
descendants it waited for, such as soffice.bin under the soffice launcher), so runs never mix.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TASKS_PY = str(Path(__file__).resolve().parent / "tasks.py")


@dataclass
class Run:
    wall_s: float
    maxrss_mb: float
    exit_code: int
    timed_out: bool = False
    detail: dict[str, Any] = field(default_factory=dict)
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return not self.timed_out and self.exit_code in (0, 1)  # 1 = findings, still a full run


def run_process(cmd: list[str], timeout: float, env: dict[str, str] | None = None,
                cwd: str | None = None) -> Run:
    """Run `cmd` to completion (or kill its process group after `timeout` seconds)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
                                env=env, cwd=cwd, start_new_session=True)
        killed: list[bool] = []

        def kill() -> None:
            killed.append(True)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        timed_out = bool(killed)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")[-2000:]
    return Run(wall, usage.ru_maxrss / 1024, proc.returncode, timed_out, stderr=stderr)


def run_task(task: str, args: list[str], timeout: float) -> Run:
    """`python benchmarks/tasks.py TASK ...` with the in-process figures it reports."""
    fd, result = tempfile.mkstemp(prefix="lkjip-bench-", suffix=".json")
    os.close(fd)
    try:
        run = run_process([sys.executable, TASKS_PY, task, result, *args], timeout)
        if not run.timed_out and run.exit_code == 0:
            with open(result, encoding="utf-8") as fh:
                text = fh.read()
            run.detail = json.loads(text) if text else {}
        return run
    finally:
        os.unlink(result)


def script(name: str) -> str:
    """The console script beside this interpreter (not a pyenv shim, whose start-up is bash's)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name
