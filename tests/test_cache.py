"""movemap's cache folder: entries built once, checked, rebuilt when damaged, shared, cleaned."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from movemap import cache


def _writer(calls: list[str], text: str = "hello") -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        calls.append(text)
        (folder / "data.txt").write_text(text, encoding="utf-8")

    return build


def _read(folder: Path) -> str:
    return (folder / "data.txt").read_text(encoding="utf-8")


def test_built_once_then_reused(tmp_path: Path) -> None:
    calls: list[str] = []
    first = cache.load("thing", "0" * 16, _writer(calls), _read, root=tmp_path)
    second = cache.load("thing", "0" * 16, _writer(calls), _read, root=tmp_path)
    assert (first, second, calls) == ("hello", "hello", ["hello"])
    assert (tmp_path / f"thing-{'0' * 16}" / cache.MARKER).is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


def test_keys_follow_contents_not_paths_or_times(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b" / "a.txt"
    b.parent.mkdir()
    a.write_bytes(b"same")
    b.write_bytes(b"same")
    os.utime(b, (1_000_000, 1_000_000))
    assert cache.digest("v1", a) == cache.digest("v1", b)
    b.write_bytes(b"other")
    assert cache.digest("v1", a) != cache.digest("v1", b)
    assert cache.digest(cache) == cache.digest(Path(str(cache.__file__)))


def test_big_files_count_by_size_and_samples(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    data = bytearray(cache._SAMPLED_ABOVE + 4096)
    big.write_bytes(data)
    first = cache.digest(big)
    data[-1] = 1  # a change at the end
    big.write_bytes(data)
    assert cache.digest(big) != first
    big.write_bytes(data + b"x")  # a change of size
    assert cache.digest(big) not in (first,)


@pytest.mark.parametrize("damage", ["truncate", "flip", "no marker", "bad marker"])
def test_damaged_entry_is_rebuilt_with_one_notice(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []
    cache.load("thing", "1" * 16, _writer(calls), _read, root=tmp_path)
    folder = tmp_path / f"thing-{'1' * 16}"
    if damage == "truncate":
        (folder / "data.txt").write_bytes(b"")
    elif damage == "flip":
        (folder / "data.txt").write_text("jello", encoding="utf-8")
    elif damage == "no marker":
        (folder / cache.MARKER).unlink()
    else:
        (folder / cache.MARKER).write_bytes(b"\xff\x00")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="movemap.cache"):
        assert cache.load("thing", "1" * 16, _writer(calls), _read, root=tmp_path) == "hello"
    assert calls == ["hello", "hello"]
    notices = [r.getMessage() for r in caplog.records]
    assert len(notices) == 1 and notices[0].startswith("the cached thing is damaged (")


def test_unreadable_entry_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A reader that fails on an entry the marker vouches for gets one rebuilt entry."""
    calls: list[str] = []
    reads: list[int] = []

    def read(folder: Path) -> str:
        reads.append(1)
        if len(reads) == 2:
            raise ValueError("unexpected bytes")
        return _read(folder)

    cache.load("thing", "2" * 16, _writer(calls), read, root=tmp_path)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="movemap.cache"):
        assert cache.load("thing", "2" * 16, _writer(calls), read, root=tmp_path) == "hello"
    assert len(calls) == 2
    assert any("could not be read (ValueError" in r.getMessage() for r in caplog.records)


def test_failed_build_leaves_nothing(tmp_path: Path) -> None:
    def broken(folder: Path) -> None:
        (folder / "half.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        cache.load("thing", "3" * 16, broken, _read, root=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".locks"]


def test_unwritable_cache_falls_back_to_this_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A cache folder that cannot be written (here: a file's path, which fails even for
    root) keeps the entry for this run, with one warning."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    calls: list[str] = []
    with caplog.at_level(logging.WARNING, logger="movemap.cache"):
        value = cache.load("thing", "4" * 16, _writer(calls), _read, root=blocker / "cache")
        again = cache.load("thing", "4" * 16, _writer(calls), _read, root=blocker / "cache")
    assert (value, again, calls) == ("hello", "hello", ["hello"])
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len([w for w in warnings if "cannot write to the cache folder" in w]) == 1


def test_stale_entries_removed_unless_in_use(tmp_path: Path) -> None:
    """A build removes the kind's entries with other keys, except one a running process holds."""
    held, free = "5" * 16, "6" * 16
    for key in (held, free):
        folder = tmp_path / f"thing-{key}"
        folder.mkdir()
        (folder / "data.txt").write_text(key, encoding="utf-8")
    (tmp_path / ".locks").mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import fcntl, os, sys, time
            fd = os.open({str(tmp_path / '.locks' / f'thing-{held}.use')!r},
                         os.O_RDONLY | os.O_CREAT)
            fcntl.flock(fd, fcntl.LOCK_SH)
            print("held", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        cache.load("thing", "7" * 16, _writer([]), _read, root=tmp_path)
        assert (tmp_path / f"thing-{held}").is_dir()
        assert not (tmp_path / f"thing-{free}").exists()
    finally:
        holder.communicate("")
    cache.load("thing", "8" * 16, _writer([]), _read, root=tmp_path)
    assert not (tmp_path / f"thing-{held}").exists()
    # this process holds the entries it opened: a build elsewhere would keep them
    assert (tmp_path / f"thing-{'7' * 16}").is_dir()


def test_loose_files_of_the_old_layout_are_removed(tmp_path: Path) -> None:
    """Pickles and arrays that earlier versions left in the cache folder go at a build."""
    for name in ("thing-2-5800d13d08c15994.pickle", "thing-17d9c7a7ab496494.npz",
                 "thing-2-5800d13d08c15994.tmp"):
        (tmp_path / name).write_bytes(b"old")
    (tmp_path / "other-17d9c7a7ab496494.npz").write_bytes(b"not ours to judge")
    cache.load("thing", "a" * 16, _writer([]), _read, root=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".locks", "other-17d9c7a7ab496494.npz", f"thing-{'a' * 16}"]


def test_two_processes_build_once(tmp_path: Path) -> None:
    """Two first runs at once: one builds, the other waits for it and reads the same entry."""
    script = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from movemap import cache

        def build(folder):
            with open(sys.argv[2], "a") as log:
                log.write("built\\n")
            time.sleep(1.0)
            (folder / "data.txt").write_text("shared")

        print(cache.load("thing", "9" * 16, build, lambda f: (f / "data.txt").read_text(),
                         root=Path(sys.argv[1])))
    """)
    builds = tmp_path / "builds.log"
    root = tmp_path / "cache"
    runs = [subprocess.Popen([sys.executable, "-c", script, str(root), str(builds)],
                             stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate()[0].strip() for run in runs]
    assert outputs == ["shared", "shared"]
    assert [run.returncode for run in runs] == [0, 0]
    assert builds.read_text().splitlines() == ["built"]


def test_cache_root_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(tmp_path))
    assert cache.cache_root() == tmp_path


def test_a_second_cache_is_given_the_finished_entries_of_the_kinds_asked(tmp_path: Path) -> None:
    """link_entries gives a second cache the first's finished entries of the kinds asked, as
    links to the same files, which it then reads without building; nothing else passes."""
    first, second = tmp_path / "first", tmp_path / "second"
    calls: list[str] = []
    cache.load("rail", "1" * 16, _writer(calls, "rails"), _read, root=first)
    cache.load("gazetteer", "2" * 16, _writer(calls, "names"), _read, root=first)
    (first / f"road-{'3' * 16}").mkdir()  # unfinished: no completion marker
    given = cache.link_entries(first, second, ("rail", "road"))
    assert given == [second / f"rail-{'1' * 16}"]
    assert sorted(p.name for p in second.iterdir()) == [f"rail-{'1' * 16}"]
    data = given[0] / "data.txt"
    assert data.stat().st_ino == (first / f"rail-{'1' * 16}" / "data.txt").stat().st_ino
    assert cache.load("rail", "1" * 16, _writer(calls, "other"), _read, root=second) == "rails"
    assert calls == ["rails", "names"]  # read, not built again
    assert cache.link_entries(first, second, ("rail",)) == []  # what it has stays as it is
