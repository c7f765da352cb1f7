"""The scale bench's record cache read past its end: the corpus again as another period's news (what the
bench's "add 100 from another period" and ``--repeat`` sizes store)."""
from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from fixtures.corpus.build import make_record

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import scale_bench  # noqa: E402
from repeat import repeat_record  # noqa: E402


def _cache(tmp: Path, n: int) -> tuple[Path, list]:
    recs = [make_record(f"{i:040x}", f"Report {i} from Moscow on 2019-06-0{i + 1}.", title=f"Report {i}",
                        published=f"2019-06-0{i + 1}") for i in range(n)]
    path = tmp / f"records-{n}.pkl"
    with path.open("wb") as fh:
        for r in recs:
            pickle.dump(r, fh)
    (tmp / f"records-{n}.json").write_text(json.dumps({"records": n}))
    link = tmp / "records-2.pkl"  # a size's link to the biggest cache, as the bench makes them
    link.symlink_to(path)
    return link, recs


def test_records_past_the_cache_are_the_same_articles_as_another_period(tmp_path):
    link, recs = _cache(tmp_path, 3)
    assert scale_bench._cached(link) == 3
    head = list(scale_bench.records(link, 1, 3))
    assert [r.id for r in head] == [recs[1].id, recs[2].id]
    later = list(scale_bench.records(link, 3 + 1, 3 + 3))  # the same two, one pass on
    assert [r.id for r in later] == [repeat_record(recs[k], 1).id for k in (1, 2)]
    assert all(r.id not in {x.id for x in recs} for r in later)
    assert [r.meta.published[:4] for r in later] == ["2031", "2031"]  # twelve years on
    two_on = list(scale_bench.records(link, 2 * 3, 2 * 3 + 1))
    assert two_on[0].id == repeat_record(recs[0], 2).id
    across = list(scale_bench.records(link, 2, 5))  # a run across the end of a pass
    assert [r.id for r in across] == [recs[2].id, repeat_record(recs[0], 1).id, repeat_record(recs[1], 1).id]
