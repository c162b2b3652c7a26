"""movemap's cache folder: one place, one way to name, build, check and clean what is kept.

Every cache entry (the gazetteer index, the rail and road networks as arrays, the name
matcher of ``extract``, the routes of datasets) is a folder ``<root>/<kind>-<key>``:

- **root**: ``MOVEMAP_CACHE_DIR`` when set, else the user's cache folder (``platformdirs``).
- **key**: a digest of the *contents* of the entry's inputs and of the code that makes it
  (:func:`digest`), never of paths or modification times, so two installs of the same
  version share one entry instead of evicting each other.
- **built once, atomically**: under a file lock (``filelock``) per entry, into a folder with
  a unique temporary name, finished by a completion marker listing every file's size (and
  its checksum, for entries that ask for it), then renamed into place.
- **checked when opened**: a missing marker or a file of the wrong size or checksum means
  the entry is damaged; it is rebuilt with one line of notice, never a traceback.
- **never in the way**: a cache folder that cannot be written falls back to a temporary
  folder for this run (one warning), and entries of the same kind with another key are
  removed after a build, except those a running process holds (each process holds a shared
  lock on the entries it opened until it exits).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from filelock import BaseFileLock

__all__ = ["DAMAGE", "CacheUnwritable", "cache_root", "digest", "entry", "folder", "link_entries",
           "load", "release"]

log = logging.getLogger(__name__)

T = TypeVar("T")

MARKER = ".complete.json"
# What reading a damaged entry raises, beside what the completion marker catches first.
DAMAGE: tuple[type[Exception], ...] = (
    OSError, ValueError, EOFError, KeyError, IndexError, pickle.UnpicklingError,
    zipfile.BadZipFile,
)
_TMP_PREFIX = ".tmp-"
_TMP_MAX_AGE_S = 24 * 3600
_KIND = re.compile(r"[a-z][a-z0-9_]*\Z")

_file_digests: dict[tuple[str, int, int], str] = {}
_in_use: dict[Path, int] = {}
_private: dict[str, Path] = {}
_warned_read_only: set[Path] = set()


def cache_root() -> Path:
    """The folder that holds movemap's caches (``MOVEMAP_CACHE_DIR`` overrides it)."""
    override = os.environ.get("MOVEMAP_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("movemap", appauthor=False))


# Files bigger than this count by their size and three samples of their bytes (start,
# middle, end): every start of movemap keys its gazetteer index, and reading all of GeoNames'
# 80 MB for it would cost a quarter of a second.
_SAMPLED_ABOVE = 8 << 20
_SAMPLE = 1 << 20


def _file_digest(path: Path) -> str:
    stat = path.stat()
    memo = (str(path), stat.st_size, stat.st_mtime_ns)  # within this process only
    if memo not in _file_digests:
        with path.open("rb") as f:
            if stat.st_size <= _SAMPLED_ABOVE:
                digest = hashlib.file_digest(f, "blake2b").hexdigest()
            else:
                h = hashlib.blake2b(b"sampled %d " % stat.st_size)
                for offset in (0, (stat.st_size - _SAMPLE) // 2, stat.st_size - _SAMPLE):
                    f.seek(offset)
                    h.update(f.read(_SAMPLE))
                digest = h.hexdigest()
        _file_digests[memo] = digest
    return _file_digests[memo]


def digest(*parts: str | bytes | Path | ModuleType) -> str:
    """A 16-digit key made from the contents of ``parts``.

    A :class:`~pathlib.Path` counts by its file's bytes (not its name, place or time; above
    8 MB by its size and three 1 MB samples), a module by its source code, ``str`` and
    ``bytes`` as they are.

    >>> digest("format 1", b"x") == digest("format 1", b"x") != digest("format 2", b"x")
    True
    """
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        if isinstance(part, ModuleType):
            part = Path(str(part.__file__))
        if isinstance(part, Path):
            h.update(b"file " + _file_digest(part).encode())
        elif isinstance(part, str):
            h.update(b"str %d " % len(part.encode()) + part.encode())
        else:
            h.update(b"bytes %d " % len(part) + part)
    return h.hexdigest()


# -- checking ---------------------------------------------------------------------------------

def whole_digest(path: Path) -> str:
    """A checksum of every byte of a file (:func:`digest` samples a big file: a grid of
    fixed shape keeps its size when its values change, which the samples could miss)."""
    with path.open("rb") as f:
        return hashlib.file_digest(f, "blake2b").hexdigest()


def _seal(folder: Path, checksum: bool) -> None:
    files = {p.name: [p.stat().st_size, whole_digest(p) if checksum else None]
             for p in sorted(folder.iterdir()) if p.name != MARKER and p.is_file()}
    (folder / MARKER).write_text(json.dumps({"files": files}, indent=1), encoding="utf-8")


def _check(folder: Path) -> str | None:
    """Why a finished entry cannot be trusted, or None when it can."""
    try:
        files = json.loads((folder / MARKER).read_text(encoding="utf-8"))["files"]
        for name, (size, checksum) in files.items():
            path = folder / name
            if path.stat().st_size != size:
                return f"{name} has {path.stat().st_size} bytes instead of {size}"
            if checksum is not None and whole_digest(path) != checksum:
                return f"{name} does not match its checksum"
    except FileNotFoundError as exc:
        return f"{Path(exc.filename or '?').name} is missing"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"its completion marker is unreadable ({exc})"
    return None


# -- holding and cleaning ---------------------------------------------------------------------

def _locks(root: Path) -> Path:
    return root / ".locks"


def _hold(root: Path, name: str) -> None:
    """Hold a shared lock on an entry until this process exits, so no cleaner removes it."""
    path = _locks(root) / f"{name}.use"
    if path in _in_use:
        return
    try:
        import fcntl
    except ImportError:  # no advisory locks here: stale entries are then never removed
        return
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return  # a read-only cache nobody can clean
    fcntl.flock(fd, fcntl.LOCK_SH)
    _in_use[path] = fd


def release() -> None:
    """Let go of every entry this process holds (it uses none of them any more), so that a
    later build, here or elsewhere, may remove the stale ones."""
    while _in_use:
        _, fd = _in_use.popitem()
        os.close(fd)


def _remove_unless_held(root: Path, folder: Path) -> bool:
    """Remove an entry no running process holds; whether it was removed."""
    try:
        import fcntl
    except ImportError:
        return False
    path = _locks(root) / f"{folder.name}.use"
    if path in _in_use:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            log.debug("keeping %s: a running process uses it", folder)
            return False
        try:
            _discard(root, folder)
        except CacheUnwritable:
            return False
        path.unlink(missing_ok=True)
        return True
    finally:
        os.close(fd)


def _discard(root: Path, folder: Path) -> None:
    trash = root / f"{_TMP_PREFIX}{uuid.uuid4().hex}"
    try:
        folder.rename(trash)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CacheUnwritable(exc) from exc
    shutil.rmtree(trash, ignore_errors=True)


def _clean(root: Path, kind: str, keep: Path) -> None:
    """Remove this kind's entries with other keys (not held) and abandoned temporary folders."""
    pattern = re.compile(rf"{kind}-[0-9a-f]{{16}}\Z")
    # files that movemap 0.1 kept loose in the cache folder (network arrays, pickles)
    legacy = re.compile(rf"{kind}-[\w-]+\.(?:npz|pickle|tmp)\Z")
    now = time.time()
    for path in root.iterdir():
        if path != keep and pattern.match(path.name) and path.is_dir():
            if _remove_unless_held(root, path):
                log.info("removed the stale cache entry %s", path.name)
        elif legacy.match(path.name) and path.is_file():
            path.unlink(missing_ok=True)
            log.info("removed the stale cache file %s", path.name)
        elif path.name.startswith(_TMP_PREFIX):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > _TMP_MAX_AGE_S:
                    shutil.rmtree(path, ignore_errors=True)


def link_entries(source: Path, target: Path, kinds: Sequence[str]) -> list[Path]:
    """Give the cache folder ``target`` the finished entries of ``kinds`` that the cache
    folder ``source`` holds, and return those given.

    Each entry's files are hard links to ``source``'s (copies where the two folders are on
    different file systems), so a second cache (a test's, a benchmark's, another user's)
    starts with what the first has built instead of building it again. Keys are digests of
    contents, so ``target`` opens a linked entry only where it would have built the same
    one; an entry without its completion marker is left out, and ``target`` checks what it
    opens as it checks its own. Entries ``target`` already has are kept as they are.
    """
    given: list[Path] = []
    if not source.is_dir() or source.resolve() == target.resolve():
        return given
    target.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        pattern = re.compile(rf"{re.escape(kind)}-[0-9a-f]{{16}}\Z")
        for path in sorted(source.iterdir()):
            if not (pattern.match(path.name) and (path / MARKER).is_file()):
                continue
            if (target / path.name).exists():
                continue
            tmp = target / f"{_TMP_PREFIX}{path.name}-{uuid.uuid4().hex}"
            try:
                shutil.copytree(path, tmp, copy_function=_link_or_copy)
                tmp.rename(target / path.name)
            except OSError:
                shutil.rmtree(tmp, ignore_errors=True)
                continue
            given.append(target / path.name)
    return given


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


# -- building ---------------------------------------------------------------------------------

class CacheUnwritable(Exception):
    """The cache folder cannot be written (read-only, full, not a folder)."""

    def __init__(self, reason: OSError) -> None:
        super().__init__(reason.strerror or str(reason))
        self.reason = reason


def _private_entry(root: Path, name: str, what: str, build: Callable[[Path], None],
                   reason: CacheUnwritable) -> Path:
    """Build an entry into a temporary folder kept for this run only."""
    if name in _private:
        return _private[name]
    if root not in _warned_read_only:
        _warned_read_only.add(root)
        log.warning("cannot write to the cache folder %s (%s); keeping what is built for "
                    "this run only (set MOVEMAP_CACHE_DIR to a writable folder to keep it)",
                    root, reason)
    folder = Path(tempfile.mkdtemp(prefix="movemap-cache-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    log.info("building the %s for this run", what)
    build(folder)
    _private[name] = folder
    return folder


def _build(root: Path, final: Path, what: str, build: Callable[[Path], None],
           checksum: bool) -> None:
    tmp = root / f"{_TMP_PREFIX}{final.name}-{uuid.uuid4().hex}"
    try:
        tmp.mkdir()
    except OSError as exc:
        raise CacheUnwritable(exc) from exc
    try:
        started = time.perf_counter()
        build(tmp)
        try:
            _seal(tmp, checksum)
            tmp.rename(final)
        except OSError as exc:
            raise CacheUnwritable(exc) from exc
        log.info("built the %s in %.1f s", what, time.perf_counter() - started)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _lock(root: Path, name: str, what: str) -> BaseFileLock:
    from filelock import FileLock

    folder = _locks(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # filelock retries a lock file it cannot create until its timeout: fail first here
        (folder / f"{name}.build").touch()
    except OSError as exc:
        raise CacheUnwritable(exc) from exc
    lock = FileLock(folder / f"{name}.build")
    try:
        lock.acquire(timeout=0.5)
    except TimeoutError:
        log.warning("waiting for another movemap process to build the %s", what)
        lock.acquire()
    return lock


def entry(kind: str, key: str, build: Callable[[Path], None], *, what: str | None = None,
          checksum: bool = True, root: Path | None = None, rebuild: bool = False) -> Path:
    """The checked folder of the cache entry ``kind``-``key``, built first when needed.

    ``build(folder)`` writes the entry's files into an empty folder. ``what`` names the
    entry in messages; ``checksum`` also checks every file's contents when opened (cheap for
    small entries; big memory-mapped ones are checked by size). ``rebuild`` discards the
    entry first.
    """
    if not _KIND.match(kind):
        raise ValueError(f"cache kind {kind!r} is not a lower-case word")
    root = root or cache_root()
    what = what or kind
    name = f"{kind}-{key}"
    final = root / name
    if name in _private and not rebuild:
        return _private[name]
    with contextlib.suppress(OSError):
        _locks(root).mkdir(parents=True, exist_ok=True)
    _hold(root, name)
    if not rebuild and final.is_dir() and _check(final) is None:
        return final
    try:
        lock = _lock(root, name, what)
        try:
            problem = "a rebuild was asked for" if rebuild else (
                _check(final) if final.exists() else None)
            if problem is not None:
                if not rebuild:
                    log.warning("the cached %s is damaged (%s); rebuilding it", what, problem)
                _discard(root, final)
            if not final.is_dir():
                if problem is None:
                    log.warning("building the %s in %s (once)", what, root)
                _build(root, final, what, build, checksum)
                _clean(root, kind, final)
        finally:
            lock.release()
    except CacheUnwritable as exc:
        _private.pop(name, None)
        return _private_entry(root, name, what, build, exc)
    return final


def folder(kind: str, key: str, *, root: Path | None = None) -> Path:
    """The cache folder ``kind``-``key`` for an entry that grows, created when needed.

    Its owner adds files to it atomically (unique temporary name, then a rename) and checks
    them itself. Creating it removes the kind's folders with other keys that no running
    process holds. Raises :class:`CacheUnwritable` (after one warning) when the cache folder
    cannot be written.
    """
    if not _KIND.match(kind):
        raise ValueError(f"cache kind {kind!r} is not a lower-case word")
    root = root or cache_root()
    path = root / f"{kind}-{key}"
    if path.is_dir():
        _hold(root, path.name)
        return path
    try:
        _locks(root).mkdir(parents=True, exist_ok=True)
        _hold(root, path.name)
        path.mkdir(exist_ok=True)
    except OSError as exc:
        if root not in _warned_read_only:
            _warned_read_only.add(root)
            log.warning("cannot write to the cache folder %s (%s); keeping what is found "
                        "for this run only (set MOVEMAP_CACHE_DIR to a writable folder to "
                        "keep it)", root, exc.strerror or exc)
        raise CacheUnwritable(exc) from exc
    _clean(root, kind, path)
    return path


def load(kind: str, key: str, build: Callable[[Path], None], read: Callable[[Path], T], *,
         what: str | None = None, checksum: bool = True, root: Path | None = None) -> T:
    """``read(folder)`` of a checked cache entry; rebuilt once if reading it fails."""
    folder = entry(kind, key, build, what=what, checksum=checksum, root=root)
    try:
        return read(folder)
    except DAMAGE as exc:
        log.warning("the cached %s could not be read (%s: %s); rebuilding it",
                    what or kind, type(exc).__name__, exc)
    folder = entry(kind, key, build, what=what, checksum=checksum, root=root, rebuild=True)
    return read(folder)
