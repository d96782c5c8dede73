"""Pick the matrix-multiply backend of thinc's layers (blis or numpy's BLAS) for this machine.

thinc's `NumpyOps` multiplies with blis by default; `NumpyOps(use_blis=False)` hands the same
products to numpy (OpenBLAS in numpy's wheels). Which is faster depends on the CPU: blis falls
back to a generic kernel where it does not know the CPU. `$STORYLEDGER_OPS` names the backend
(`blis`, `numpy`) or leaves the choice to a short calibration (`auto`, the default): the loaded
pipeline parses a fixed batch with each backend, and numpy is kept only when clearly faster.
The answer is cached per machine and library versions under the user's cache folder.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

from storyledger.errors import BAD_OPS_CHOICE, CALIBRATION_NOT_CACHED, StoryledgerError

Backend = Literal["blis", "numpy"]
BACKENDS: tuple[Backend, ...] = ("blis", "numpy")
OPS_ENV = "STORYLEDGER_OPS"
CACHE_FILE = "ops-calibration.json"
MARGIN = 0.9
"""numpy is chosen only when it parses the batch in under 90 % of blis's time."""
ROUNDS = 3
_THREAD_ENVS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_LIBRARIES = ("spacy", "thinc", "blis", "numpy")
_SENTENCES = (
    "The city council voted 7 to 2 on Tuesday to raise the bus fare by 25 cents next spring.",
    '"We had no other choice," said the mayor, Anna Lopez, after the meeting in Springfield.',
    "Officials from the transport ministry said about 1,200 workers would lose their jobs.",
    "Police arrested three men in connection with the robbery, a spokesman told reporters.",
    "The company's shares fell 4.5 percent to $31.20 in early trading in New York on Monday.",
    "Rescue teams searched the hills north of the river for two days before the storm ended.",
)

logger = logging.getLogger(__name__)


def requested() -> str:
    """What `$STORYLEDGER_OPS` asks for: `blis`, `numpy` or `auto` (unset or empty: auto)."""
    value = os.environ.get(OPS_ENV, "").strip().lower() or "auto"
    if value not in (*BACKENDS, "auto"):
        raise StoryledgerError(BAD_OPS_CHOICE.format(value=value, env=OPS_ENV))
    return value


def choose(nlp: Language) -> Backend:
    """The backend for `nlp` on this machine: the requested one, or the cached or freshly
    measured calibration. The pipeline is left on blis whatever is chosen."""
    wanted = requested()
    if wanted != "auto":
        return wanted  # type: ignore[return-value]
    key = cache_key(nlp)
    cached = _read_cache().get(key)
    if cached and cached.get("backend") in BACKENDS:
        return cached["backend"]
    seconds = calibrate(nlp)
    backend: Backend = "numpy" if seconds["numpy"] < MARGIN * seconds["blis"] else "blis"
    entry = {"backend": backend, "seconds": seconds, "measured": datetime.now(UTC).isoformat()}
    _write_cache(key, entry)
    return backend


def calibrate(nlp: Language, *, rounds: int = ROUNDS) -> dict[str, float]:
    """The best of `rounds` times each backend takes to parse the fixed batch (interleaved,
    after one warm-up pass each); `nlp` is back on blis afterwards."""
    texts = list(_batch())
    best = {name: float("inf") for name in BACKENDS}
    for name in BACKENDS:
        _timed(nlp, name, texts)
    for _round in range(rounds):
        for name in BACKENDS:
            best[name] = min(best[name], _timed(nlp, name, texts))
    _set_ops(nlp, "blis")
    return {name: round(value, 4) for name, value in best.items()}


def use(nlp: Language, backend: Backend) -> Language:
    """Put every CPU layer of the pipeline on `backend` (in place); numpy's BLAS is kept to
    one thread unless the user's environment sets its thread count."""
    _set_ops(nlp, backend)
    if backend == "numpy" and not any(os.environ.get(name) for name in _THREAD_ENVS):
        threadpool_limits(limits=1, user_api="blas")
    return nlp


def current(nlp: Language) -> str:
    """The backend `nlp` runs on: `blis`, `numpy`, or the name of non-CPU ops."""
    for model in _models(nlp):
        ops = model.ops
        if isinstance(ops, NumpyOps):
            return "blis" if ops.use_blis else "numpy"
        return type(ops).__name__
    return "none"


def cache_key(nlp: Language) -> str:
    """Which machine and which library versions a calibration holds for."""
    versions = [f"{name}={_version(name)}" for name in _LIBRARIES]
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}={nlp.meta.get('version')}"
    machine = f"{socket.gethostname()}/{platform.machine()}/{_cpu_name()}/{os.cpu_count()}"
    return " ".join([machine, *versions, model])


def cache_path() -> Path:
    """Where calibrations are kept: the user's cache folder (`$XDG_CACHE_HOME`, `~/.cache`,
    `%LOCALAPPDATA%` or `~/Library/Caches`), under `storyledger/`."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "storyledger" / CACHE_FILE


def _set_ops(nlp: Language, backend: Backend) -> None:
    ops = NumpyOps(use_blis=backend == "blis")
    for model in _models(nlp):
        for node in model.walk():
            node.ops = ops


def _timed(nlp: Language, backend: Backend, texts: list[str]) -> float:
    """Seconds to parse `texts` on `backend` (numpy on one thread, as `use` leaves it)."""
    limits: AbstractContextManager[Any] = (
        threadpool_limits(limits=1, user_api="blas") if backend == "numpy" else nullcontext()
    )
    with limits:
        _set_ops(nlp, backend)
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=len(texts)):
            pass
        return time.perf_counter() - started


def _batch() -> Iterator[str]:
    """The fixed calibration batch: eight short articles (about 900 tokens) of our own text."""
    count = len(_SENTENCES)
    for shift in range(8):
        yield " ".join(_SENTENCES[(shift + i) % count] for i in range(count))


def _models(nlp: Language) -> Iterator[Model]:
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            yield model


def _read_cache() -> dict[str, Any]:
    path = cache_path()
    if not path.is_file():
        return {}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # unreadable or half-written by an older version: calibrate again
    return found if isinstance(found, dict) else {}


def _write_cache(key: str, entry: dict[str, Any]) -> None:
    """Keep `entry` under `key`, written whole (a temporary file renamed) or not at all."""
    path = cache_path()
    found = {**_read_cache(), key: entry}
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        logger.warning(CALIBRATION_NOT_CACHED.format(detail=exc))


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _cpu_name() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"
