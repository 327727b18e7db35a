"""Imported by every Python process of the date-shifted test run: .ci/run adds a .pth file
to the venv for that run (PYTHONPATH would not do: tests that start children set their own),
then starts pytest under `faketime --exclude-monotonic`.

libfaketime 0.9.10, the version Debian 12 ships, needs one repair for Python 3.11:

- with the monotonic clock faked too, timed lock waits (sem_clockwait on the monotonic
  clock) never wake, so the monotonic clock is left alone (libfaketime issue #390);
- with the monotonic clock left alone, its clock_nanosleep wrapper turns the absolute
  monotonic deadline of Python 3.11's time.sleep into a negative one: EINVAL, which breaks
  every subprocess wait with a timeout (issue #426).

So time.sleep waits in select() with a relative timeout, which libfaketime passes through.
Outside libfaketime this file changes nothing.
"""

from __future__ import annotations

import os

if "libfaketime" in os.environ.get("LD_PRELOAD", ""):
    import select
    import time

    _monotonic = time.monotonic

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = _monotonic() + seconds
        while (left := deadline - _monotonic()) > 0:
            select.select([], [], [], left)

    time.sleep = _sleep
