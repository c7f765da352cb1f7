"""Paths shared by the tests (a plain module: `conftest` names are ambiguous across test folders)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DEMO = ROOT / "examples" / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"
