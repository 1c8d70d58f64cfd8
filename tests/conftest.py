"""Shared fixtures: where the public corpora and the seed live (read by path, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_17d8a8fe762a2e75.txt"
CORPORA = SHARED / "corpora"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.exists():
        pytest.skip(f"the public corpora are not at {CORPORA}")
    return CORPORA
