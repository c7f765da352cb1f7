"""Conflict and corroboration detection on planted pairs (units, periods, measures, actors)."""
from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.corpus.compare import APPROX_TOLERANCE, normalise_unit, relative_difference

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))


def test_compare_pairs_precision_and_recall(models):
    from score_conflicts import score

    s = score()
    assert s["pairs"] >= 20
    assert s["conflict"]["precision"] >= 0.85 and s["conflict"]["recall"] >= 0.9
    assert s["corroboration"]["precision"] >= 0.9 and s["corroboration"]["recall"] >= 0.8


def test_compare_units_and_tolerance():
    assert normalise_unit("miles", 310)[0] == "km" and abs(normalise_unit("miles", 310)[1] - 498.9) < 0.1
    assert normalise_unit("soldiers", 5)[0] == normalise_unit("personnel", 5)[0] == normalise_unit("troops", 5)[0]
    assert normalise_unit("planes", 5)[0] != normalise_unit("troops", 5)[0]
    assert normalise_unit("USD", 1)[0] != normalise_unit("EUR", 1)[0]
    assert round(relative_difference(3000, 3500), 2) == 0.14 and APPROX_TOLERANCE < 0.14


def test_compare_heldout_pairs_and_measure_families(models):
    """Held-out pairs (written before tuning): killed vs injured, exports vs imports, etc. are never conflicts."""
    from score_conflicts import score

    s = score(Path(__file__).resolve().parent / "fixtures" / "synthesis" / "heldout_pairs.jsonl")
    assert s["pairs"] == 10
    assert s["conflict"]["precision"] >= 0.8 and s["conflict"]["recall"] >= 0.75


def test_compare_figure_labels_read_as_phrases(models):
    from score_conflicts import PAIRS, predict
    import json
    import tempfile

    from newsdesk.pipeline import load_models

    pairs = {p["id"]: p for p in map(json.loads, PAIRS.read_text(encoding="utf-8").splitlines()) if p}
    with tempfile.TemporaryDirectory() as tmp:
        _, rows = predict(pairs["cost-agree"], load_models(), Path(tmp))
    assert rows and all("(" not in r["about"] or r["about"].endswith(")") for r in rows)
    assert any(r["about"].startswith("cost of") for r in rows)
