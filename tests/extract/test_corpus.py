"""Corpus extraction: inputs read lazily, serial and Dask runs alike, failures by name."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.engine import DaskEngine
from movemap.extract import ReportError
from movemap.extract.batch import run_corpus
from movemap.extract.corpus import ReportRef, iter_corpus, load_report

CORPUS = Path(__file__).parents[2] / "benchmarks" / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))


def drafts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty-two reports as JSON Lines: the evaluation texts, six times over."""
    path = tmp_path_factory.mktemp("corpus") / "reports.jsonl"
    with path.open("w") as out:
        for copy in range(6):
            for text in TEXTS:
                out.write(json.dumps({"id": f"{text.stem}-{copy}", "text": text.read_text(),
                                      "published": "2024-10-18"}) + "\n")
    return path


@pytest.fixture(scope="module")
def serial(jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    summary = run_corpus(iter_corpus([jsonl]), out)
    assert summary.ok and summary.done == 42
    return out


def test_inputs_of_every_kind(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for text in TEXTS[:3]:
        shutil.copy(text, folder)
    listing = tmp_path / "some.list"
    listing.write_text(f"# two of them\nreports/{TEXTS[0].name}\n\nreports/{TEXTS[1].name}\n")
    lines = tmp_path / "more.jsonl"
    lines.write_text('{"text": "a"}\n\n{"name": "Кursk report", "text": "b"}\n')
    refs = list(iter_corpus([folder, str(folder / "*.txt"), listing, f"@{listing}", lines]))
    names = [r.name for r in refs]
    stems = [t.stem for t in TEXTS[:3]]
    assert names[:3] == stems
    assert names[3:6] == [f"{s}-2" for s in stems]  # names stay unique, in corpus order
    assert names[6:10] == [f"{stems[0]}-3", f"{stems[1]}-3", f"{stems[0]}-4", f"{stems[1]}-4"]
    assert names[10:] == ["more-000001", "Кursk-report"]
    assert refs[-1].line == 3


def test_json_lines_read_one_at_a_time_with_located_errors(tmp_path: Path) -> None:
    lines = tmp_path / "c.jsonl"
    lines.write_text('{"text": "Troops left Kursk.", "published": "2024-10-18"}\n'
                     'not json\n{"text": 3}\n{"text": "x", "published": "18/10/2024"}\n')
    first, *bad = iter_corpus([lines])
    assert load_report(first) == ("Troops left Kursk.", __import__("datetime").date(2024, 10, 18))
    messages = []
    for ref in bad:
        with pytest.raises(ReportError) as info:
            load_report(ref)
        messages.append(str(info.value))
    assert messages[0].startswith(f"{lines}:2: not a JSON object")
    assert messages[1] == f'{lines}:3: a report line needs a "text" string'
    assert messages[2] == f"{lines}:4: published '18/10/2024' is not a date (YYYY-MM-DD)"


def test_an_unreadable_report_is_named_and_the_rest_complete(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(TEXTS[0], folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    (folder / "empty.txt").write_text("  \n")
    result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"movemap: error: {folder / 'broken.txt'}: this is a binary file" in result.output
    assert f"movemap: error: {folder / 'empty.txt'}: the report is empty" in result.output
    assert "1 drafts" in result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{TEXTS[0].stem}.yaml"]


def test_dask_local_scheduler_gives_the_serial_drafts(jsonl: Path, serial: Path,
                                                      tmp_path: Path) -> None:
    summary = run_corpus(iter_corpus([jsonl]), tmp_path, engine=DaskEngine(workers=2),
                         batch_size=5)
    assert summary.ok and summary.done == 42
    assert drafts(tmp_path) == drafts(serial)


@pytest.fixture(scope="module")
def cluster() -> object:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=50) as local:
        yield local


def test_a_cluster_of_two_workers_gives_the_serial_drafts(cluster: object, jsonl: Path,
                                                          serial: Path, tmp_path: Path) -> None:
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, ["extract", str(jsonl), "-o", str(tmp_path),
                                      "--engine", "dask", "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert drafts(tmp_path) == drafts(serial)


def test_a_worker_killed_mid_run_costs_only_a_retry(cluster: object, jsonl: Path,
                                                    serial: Path, tmp_path: Path) -> None:
    from distributed import Client

    address = cluster.scheduler_address  # type: ignore[attr-defined]
    with Client(address) as client:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_one(_: int) -> None:
            if not killed:
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        summary = run_corpus(iter_corpus([jsonl]), tmp_path,
                             engine=DaskEngine(scheduler=address), batch_size=3,
                             progress=kill_one)
        assert killed
        assert summary.ok and summary.done == 42
        assert drafts(tmp_path) == drafts(serial)
        client.wait_for_workers(2, timeout=60)  # the nanny brings the worker back


def test_an_unreachable_scheduler_is_one_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(TEXTS[0]), "-o", str(tmp_path),
                                      "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_refs_are_small_and_picklable() -> None:
    import pickle

    ref = ReportRef("a", "/x/a.jsonl", 3, 120)
    assert pickle.loads(pickle.dumps(ref)) == ref
