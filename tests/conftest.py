"""Shared fixtures: one gazetteer for the whole session (its index is built once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from movemap.gazetteer import Gazetteer

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
