"""The need classifiers' fits, kept on disk so that a process starts by reading them.

Fitting the two (what each service is for, what a person's words ask for) took about ten seconds
of every start: the app, each `flask` command, each gunicorn master, each test process. A fit is
filed under a digest of everything it depends on: its inputs as the library names them, the source
of the whole `matching` package (which defines every feature) and the versions of the libraries
that fitted and pickled it. A file is never read for other inputs or other code; it is simply
replaced. The files are pickles, so they live in the instance folder, trusted as the database
beside it is, and are written whole (a temporary file renamed) so no reader sees half of one.

One folder per process: the fits are shared by every app in it, as the models themselves are.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import pickle
import platform
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

import matching

log = logging.getLogger(__name__)
Fitted = TypeVar("Fitted")
_folder: dict[str, Path] = {}


def keep_in(folder: Path | None) -> None:
    """Keep fits in ``folder`` from now on (None: fit in every process)."""
    if folder is None:
        _folder.pop("path", None)
    else:
        _folder["path"] = folder


def fitted(name: str, inputs: object, fit: Callable[[], Fitted]) -> Fitted:
    """``fit()``, or the fit kept for the same name, inputs and code. Processes starting together
    wait for the first to fit rather than each fitting the same model."""
    folder = _folder.get("path")
    if folder is None:
        return fit()
    path = folder / f"{name}-{_digest(name, inputs)[:32]}.pickle"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / f"{name}.lock", "w")  # held, and locked, for the whole fit below
    except OSError as error:  # a read-only instance folder: the process fits its own
        log.warning("fitted models cannot be kept in %s (%s)", folder, error)
        return fit()
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = _read(path)
        if kept is not None:
            return kept  # type: ignore[return-value]  # filed under these inputs: the same fit
        model = fit()
        _write(path, model)
        for other in folder.glob(f"{name}-*.pickle"):
            if other != path:  # another version's fit: never read again here
                other.unlink(missing_ok=True)
        return model


def _digest(name: str, inputs: object) -> str:
    digest = hashlib.sha256(_code_version().encode())
    digest.update(json.dumps([name, inputs], sort_keys=True, default=str).encode())
    return digest.hexdigest()


@cache
def _code_version() -> str:
    digest = hashlib.sha256()
    package = Path(matching.__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode())
        digest.update(source.read_bytes())
    for library in ("scikit-learn", "numpy", "scipy"):
        digest.update(f"{library} {version(library)}".encode())
    digest.update(platform.python_version().encode())
    return digest.hexdigest()


def _read(path: Path) -> object | None:
    if not path.exists():
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception as error:  # a damaged file is fitted again and replaced
        log.warning("fitted model %s unreadable (%s): fitting it again", path.name, error)
        return None


def _write(path: Path, model: object) -> None:
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(model, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:  # a read-only or full disk: the process still has its fit
        log.warning("fitted model %s not kept (%s)", path.name, error)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
