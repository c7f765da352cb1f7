"""Shared fixtures: real SQLite stores in tmp_path, the seed corpus, the loaded models."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.config import load_settings
from newsdesk.store import open_store

from paths import DEMO, FIXTURES, ROOT, SEEDS  # noqa: F401  (re-exported for older imports)


@pytest.fixture()
def settings(tmp_path):
    return load_settings(db=str(tmp_path / "test.db"), workers=1)


@pytest.fixture()
def store(settings):
    s = open_store(settings.db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def models():
    from newsdesk.pipeline import load_models

    return load_models()


@pytest.fixture(scope="session")
def seed_paths():
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5, f"seed corpus not found at {SEEDS}"
    return paths
