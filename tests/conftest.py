"""Shared fixtures: one gazetteer and one reference dataset with its routes for the session
(each built once), and Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from movemap.gazetteer import Gazetteer
from movemap.located import Located, locate
from movemap.model import Dataset
from movemap.validate import read_dataset

DATA = Path(__file__).parent / "data"
REFERENCE = Path(__file__).parent.parent / "layers" / "dprk-russia-2024.yaml"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def network_cache() -> Path:
    """movemap's cache folder, with the rail and road networks built in it (once a session)."""
    from movemap.cache import cache_root
    from movemap.routing import Networks

    networks = Networks()
    assert networks.rail is not None and networks.road is not None
    return cache_root()


@pytest.fixture
def fresh_cache(tmp_path: Path, network_cache: Path) -> Callable[[str], Path]:
    """Make a cache folder under ``tmp_path`` that holds the session's built networks and
    nothing else: ``Networks(cache_dir=fresh_cache("name"))`` loads the networks as a new
    process would, with no path found and no route kept (building both networks from nothing
    for each one would take about a minute). The entries' files are hard links to the
    session's: a test that damages an entry must damage a copy, never these files."""
    from movemap.cache import link_entries

    def make(name: str) -> Path:
        folder = tmp_path / name
        link_entries(network_cache, folder, ("rail", "road"))
        return folder

    return make


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The reference dataset (immutable, so one copy serves every test)."""
    return read_dataset(REFERENCE)


@pytest.fixture(scope="session")
def located(dataset: Dataset) -> Located:
    """The reference dataset located (places and routes), once for the session."""
    return locate(dataset)


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright.

    Missing Chromium skips the browser tests on a developer's machine but fails them in CI,
    so that they can never pass there by being skipped.
    """
    if not (Path(CHROMIUM).is_file() or shutil.which("chromium")):
        message = "Chromium is missing: `make chromium` installs Debian's package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )
        yield chromium
        chromium.close()
