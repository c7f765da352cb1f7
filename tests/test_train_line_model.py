"""Round seven's learned line model (scripts/train_line_model.py, scripts/line_features.py) on pages written
here: features are computed, the fit separates what it is shown, removal and put-back are scored as the
scorer scores. No page of the evaluation set is read."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from trafilatura.utils import load_html

from newsdesk.clean.html_page import element_texts
from newsdesk.clean.lines import build_units

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from line_features import line_features, probability, put_back_candidates  # noqa: E402
from train_line_model import examples, fit, nested, simulate  # noqa: E402

BODY = ("The harbour board said on Monday that the new quay will take ferries from the islands by spring, "
        "and that fishermen will keep their old berths on the north side.")
MENU = "Sailing times and fares for the summer"
PAGE = (f'<html><body><nav class="site-menu"><ul><li><a href="/times">{MENU}</a></li></ul></nav>'
        f'<article class="story-body"><h1>New quay</h1><p>{BODY}</p>'
        f'<p>Boote legen künftig am Nordkai an, sagte die Hafenbehörde am Montag.</p></article>'
        f'<footer><p>© 2024 Harbour Gazette</p></footer></body></html>')


def _features(text: str) -> list[dict[str, float]]:
    return line_features(build_units(text, rewrap=False), element_texts(load_html(PAGE)))


def test_features_read_the_line_and_the_element_that_prints_it():
    menu, body, german = _features(f"{MENU}\n\n{BODY}\n\nBoote legen künftig am Nordkai an, sagte die "
                                   "Hafenbehörde am Montag.")
    assert menu["link_density"] == 1.0 and menu["tag=nav"] == 1.0 and menu["cls=menu"] == 1.0
    assert menu["ends_sentence"] == 0.0 and menu["prev_none"] == 1.0
    assert body["ends_sentence"] == 1.0 and body["link_density"] == 0.0 and body["cls=story"] == 1.0
    assert "tag=nav" not in body and body["log_words"] > menu["log_words"]
    assert german["matched"] == 1.0 and german["ends_sentence"] == 1.0 and german["self=p"] == 1.0  # not English


def test_a_line_the_page_does_not_print_is_unmatched():
    (feats,) = _features("A sentence this page never printed anywhere.")
    assert feats.get("unmatched") == 1.0 and "link_density" not in feats


def test_the_fit_learns_which_side_a_feature_argues_for():
    feats = [{"link_density": 1.0, "ends_sentence": 0.0}] * 20 + [{"link_density": 0.0, "ends_sentence": 1.0}] * 60
    y = np.array([1.0] * 20 + [0.0] * 60)
    model = fit(feats, y, [f"p{i % 10}" for i in range(80)], c=1.0, min_pages=2)
    assert model["weights"]["link_density"] > 0 > model["weights"]["ends_sentence"]
    assert probability(model["weights"], model["bias"], feats[0]) > 0.9 > 0.1 > \
        probability(model["weights"], model["bias"], feats[-1])


def _page(output: str) -> dict:
    lines = [(MENU, None, False), (BODY, None, False)]
    return {"file": "a.html", "with": [BODY[:40]], "without": [MENU], "output": output, "lines": lines,
            "feats": [{}, {}], "cands": [], "cand_feats": []}


def test_removal_is_scored_as_the_scorer_scores():
    page = _page(f"{MENU} {BODY}")
    assert simulate(page, [0.99, 0.2], 0.95, "remove") == ((1, 0, 0, 1), 1)  # the menu line cut, the body kept
    assert simulate(page, [0.99, 0.2], 1.01, "remove") == ((1, 1, 0, 0), 0)
    assert [y for _, y in examples(page, "remove")] == [1, 0]  # menu line boilerplate, body line body


def test_put_back_adds_a_candidate_between_kept_paragraphs():
    page = _page(MENU)
    page.update(cands=[BODY], cand_feats=[{}])
    assert simulate(page, [0.97], 0.95, "put-back") == ((1, 1, 0, 0), 1)
    assert [y for _, y in examples(page, "put-back")] == [1]
    html = ("<html><body><article>" + "".join(f"<p>{BODY} ({i})</p>" for i in range(5)) + "</article></body></html>")
    kept = " ".join(f"{BODY} ({i})" for i in (0, 1, 3, 4))  # the output lacks the middle paragraph only
    assert f"{BODY} (2)" in put_back_candidates(html, kept, set())


def test_nested_cross_validation_keeps_the_rules_when_the_model_has_nothing_to_say():
    pages = []
    for i in range(10):  # body and boilerplate lines look alike: no threshold may act
        p = _page(f"{MENU} {BODY}")
        p["file"] = f"page{i}.html"
        p["feats"] = [{"log_words": 0.5}, {"log_words": 0.5}]
        pages.append(p)
    args = argparse.Namespace(folds=2, direction="remove", kept_only=False, c=1.0, min_pages=1)
    counts, _, fewer = nested(pages, args)
    assert counts[0] == 10 and fewer == 0  # no must-keep snippet lost
