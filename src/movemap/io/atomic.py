"""Writing files atomically: a failed or interrupted run leaves no half-written file."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from movemap.errors import WriteError

__all__ = ["output_mode", "write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def output_mode(path: str | Path) -> int:
    """The permission bits a file written to ``path`` should have: those of the regular file
    it replaces (a file made private or shared stays so), else the usual mode (0o666 less
    the umask)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    return _mode_of(mode)


def _mode_of(mode: int | None) -> int:
    """The read and write bits of a regular file's ``st_mode`` (no set-id or sticky bit
    carries over to a data file), else 0o666 less the umask."""
    if mode is not None and stat.S_ISREG(mode):
        return stat.S_IMODE(mode) & 0o777
    return 0o666 & ~_umask()


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The folder is created if needed. Text is written as UTF-8 with ``\\n`` line ends.
    A symbolic link is followed (its target is replaced, not the link; a link into a missing
    folder is refused, not a reason to make the folder); a device or a pipe
    (``/dev/stdout``, ``/dev/null``) is written to as it is, since renaming onto it would
    replace the device with a file; an existing file that may not be written (read-only)
    is refused rather than replaced. A file replaced keeps its permission bits
    (:func:`output_mode`).
    """
    given = path = Path(path)
    try:
        if path.is_symlink():
            path = Path(os.path.realpath(path))
            if not path.parent.is_dir():  # a shell's redirect would not make it either
                raise WriteError(f"cannot write: it is a link to {path}, in a folder that does "
                                 "not exist", path=str(given))
        mode: int | None = path.stat().st_mode
    except WriteError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    except OSError as exc:  # a name too long, a loop of links
        raise WriteError(f"cannot write: {exc.strerror}", path=str(path)) from None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        _write_through(path, data)
        return given
    if mode is not None and stat.S_ISREG(mode) and not os.access(path, os.W_OK):
        raise WriteError("cannot write: the file is read-only", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteError(f"cannot write: {_reason(path, exc)}", path=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes it private: give it the mode of the file it replaces, or the usual
        os.chmod(tmp, _mode_of(mode))
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a quota: one message, and no temporary file left
        Path(tmp).unlink(missing_ok=True)
        raise WriteError(f"cannot write: {exc.strerror}", path=str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return given


def _write_through(path: Path, data: str | bytes) -> None:
    """Write to a device or pipe directly (no temporary file can stand in for it)."""
    try:
        with path.open("wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}", path=str(path)) from None


def _reason(path: Path, exc: OSError) -> str:
    """Why the output's folder cannot be made or written, in the user's words."""
    for folder in [path.parent, *path.parent.parents]:
        if folder.exists():
            if not folder.is_dir():
                return f"{folder} is a file, not a folder"
            break
    return exc.strerror or str(exc)
