"""Pool workers end with the run that started them (#20), by the kernel's parent-death signal
on Linux and by a watcher thread everywhere."""

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyledger.batch import workers

DRIVER = """
import multiprocessing, os, sys, time
from storyledger.batch import workers

def work(driver, platform):
    sys.platform = platform  # "darwin": no parent-death signal, the watcher alone
    workers.die_with_driver(driver)
    time.sleep(60)

if __name__ == "__main__":
    worker = multiprocessing.get_context("fork").Process(
        target=work, args=(os.getpid(), sys.argv[1])
    )
    worker.start()
    print(worker.pid, flush=True)
    time.sleep(60)
"""


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.issue(20)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_a_worker_ends_when_its_driver_is_killed(platform):
    driver = subprocess.Popen(
        [sys.executable, "-c", DRIVER, platform], stdout=subprocess.PIPE, text=True
    )
    worker = int(driver.stdout.readline())
    try:
        time.sleep(0.2)  # the worker has run its initializer
        assert _alive(worker)
        driver.kill()
        driver.wait()
        deadline = time.monotonic() + 3 * workers.WATCH_SECONDS
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not _alive(worker)
    finally:
        if _alive(worker):
            os.kill(worker, signal.SIGKILL)


def _start_with(driver):
    workers.die_with_driver(driver)
    time.sleep(5)


@pytest.mark.issue(20)
def test_a_worker_whose_driver_is_already_gone_ends_at_once():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    worker = multiprocessing.get_context("fork").Process(target=_start_with, args=(gone.pid,))
    worker.start()
    worker.join(timeout=3)
    assert worker.exitcode == 1
