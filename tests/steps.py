"""How much work storyledger's own Python code does, counted in traced lines.

A line counts each time it runs, loops included, so the count grows like the algorithm does
(double for linear code on twice the input, four times for quadratic) whatever the machine and
its load: growth is tested by counting, never by timing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import storyledger

LIBRARY = str(Path(storyledger.__file__).parent)


def count_steps(func: Callable[[], Any]) -> tuple[int, Any]:
    """`(lines run inside the library, result)` of calling `func`."""
    steps = 0

    def local(frame, event, arg):
        nonlocal steps
        steps += event == "line"
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(LIBRARY) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        result = func()
    finally:
        sys.settrace(previous)
    return steps, result


def growth(func: Callable[[int], Any], size: int, *, factor: int = 4) -> float:
    """How many times the steps of `func(size * factor)` exceed those of `func(size)`."""
    small, _ = count_steps(lambda: func(size))
    large, _ = count_steps(lambda: func(size * factor))
    return large / max(small, 1)
