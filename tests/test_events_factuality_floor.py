"""Quality gate for event factuality on the hand-labelled Reuters-21578 dev set
(tests/fixtures/factuality_dev: 180 items keyed by url+offsets; the text is read from ../shared).

Figures (accuracy over the 7 values): status-only coder before this module: dev 0.317, held-out 0.350;
this module's first run: dev 0.775, held-out 0.833; after tuning on the dev part only: dev 0.900 (in-sample),
held-out 0.867 (the held-out third was not looked at while tuning). The held-out floor sits under the
module's first-run figure, so it guards against regressions without claiming the tuned level.
"""
from __future__ import annotations

from paths import ROOT, load_script

CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"


def test_events_factuality_floor_dev_and_heldout(models):
    assert CORPUS.exists(), f"Reuters-21578 not found at {CORPUS}"
    scorer = load_script("score_factuality")
    dev = scorer.score(str(CORPUS), "dev", False, False)
    held = scorer.score(str(CORPUS), "heldout", False, False)
    assert dev["items"] == 120 and held["items"] == 60
    assert dev["accuracy"] >= 0.88, dev
    assert held["accuracy"] >= 0.80, held
    base = scorer.score(str(CORPUS), "all", True, False)
    assert base["accuracy"] < held["accuracy"]  # the status-only baseline stays well below
