"""Paths shared by the tests (a plain module: `conftest` names are ambiguous across test folders)."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DEMO = ROOT / "examples" / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"


def load_script(name: str) -> ModuleType:
    """A scorer from scripts/ (``name`` without .py) imported as a module, so tests reuse its scoring."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
