"""The PolNeAR scorer's article selection: --start / --limit pick a fresh sample in a fixed order."""
from __future__ import annotations

from pathlib import Path

from paths import load_script


def _split(root: Path, stems: list[str]) -> Path:
    for sub in ("attributions", "text"):
        (root / "train" / sub).mkdir(parents=True)
    for stem in stems:
        (root / "train" / "text" / f"{stem}.txt").write_text(f"Text of {stem}.", encoding="utf-8")
        # two annotators for one article: only the first file in name order is read
        for who in ("a", "b"):
            (root / "train" / "attributions" / f"{stem}_{who}.ann").write_text("", encoding="utf-8")
    return root


def test_start_and_limit_select_a_window_in_name_order(tmp_path):
    scorer = load_script("score_polnear")
    data = _split(tmp_path, ["art_03", "art_01", "art_04", "art_02", "art_05"])
    names = lambda docs: [d[0] for d in docs]  # noqa: E731
    assert names(scorer.load_split(data, "train", None)) == ["art_01", "art_02", "art_03", "art_04", "art_05"]
    assert names(scorer.load_split(data, "train", 2, start=1)) == ["art_02", "art_03"]
    assert names(scorer.load_split(data, "train", None, start=3)) == ["art_04", "art_05"]
    assert scorer.load_split(data, "train", 2, start=9) == []
