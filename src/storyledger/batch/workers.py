"""Pool workers that end with the run that started them.

A worker left behind by a killed `storyledger batch` keeps writing into the output folder the
next run is writing, and holds its memory. So each worker, as it starts, asks Linux to kill it
when its parent dies (`prctl(PR_SET_PDEATHSIG)`), and on every system a watcher thread ends it
within a second of its parent or the run's process going away.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0


def die_with_driver(driver: int) -> None:
    """Pool initializer: end this worker when `driver` (the run's process) or its parent ends."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = os.getppid()
    if not _alive(driver):  # it died before the request above was made
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, driver), daemon=True).start()


def _watch(parent: int, driver: int) -> None:
    while os.getppid() == parent and _alive(driver):
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True
