"""The Dask engine gives the same records, in the same order, as the local engine (real clusters, no mocks)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.engine.dask import run_dask
from newsdesk.engine.local import run_local
from newsdesk.errors import NewsdeskError, RejectedInput
from newsdesk.pipeline import actor_files_tuple
from newsdesk.readers import Rejection, read_inputs
from newsdesk.records import ArticleRecord, RawDoc, to_dict

from dask_fixtures import cluster  # noqa: F401  (fixture)
from paths import DEMO, SEEDS

ACTORS = actor_files_tuple([DEMO / "actors.csv"])


@pytest.fixture(scope="module")
def docs():
    paths = [*sorted(SEEDS.glob("*.txt")), DEMO]
    out = [d for d in read_inputs(paths, replace(_settings(), workers=1)) if not isinstance(d, Rejection)]
    assert len(out) >= 15, "seed or demo corpus missing"
    return out


def _settings(**kw):
    from newsdesk.config import load_settings

    return load_settings(db="unused.db", **kw)


def _as_dict(result):
    if isinstance(result, RejectedInput):
        return {"source": result.source, "rejected": result.reason}
    return to_dict(result)


def test_engine_dask_local_cluster_matches_local_engine_in_order(docs):
    # Small batches: several are in flight at once, so results can come back out of order.
    settings = _settings(workers=2, batch_size=3)
    local = [_as_dict(r) for r in run_local(docs, settings, ACTORS, workers=1)]
    dask = [_as_dict(r) for r in run_dask(docs, settings, ACTORS)]  # starts and closes its own LocalCluster
    assert [r["source"] for r in dask] == [d.source for d in docs]
    assert not [r for r in dask if "rejected" in r]
    assert dask == local


def test_engine_dask_cli_ingest_stores_what_local_stores(tmp_path, cluster):
    runner = CliRunner()
    exports = {}
    for engine in ("local", "dask"):
        db, out = str(tmp_path / f"{engine}.db"), tmp_path / f"{engine}-export"
        args = ["--db", db, "--actors", str(DEMO / "actors.csv"), "ingest", "--engine", engine,
                "--workers", "1", str(SEEDS), str(DEMO)]
        if engine == "dask":
            args += ["--scheduler", cluster.scheduler_address]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert runner.invoke(cli, ["--db", db, "export", "--out", str(out)]).exit_code == 0
        exports[engine] = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    assert exports["dask"]["articles.jsonl"].count("\n") >= 15
    assert exports["dask"] == exports["local"]


def test_engine_dask_failed_batch_rejects_only_the_bad_document(docs, cluster):
    # A document whose text is not a string breaks its batch on the worker; the rest of the batch survives.
    bad = RawDoc(source="broken-input", text=None)  # type: ignore[arg-type]
    batch = [docs[0], bad, docs[1]]
    out = list(run_dask(batch, _settings(batch_size=3), ACTORS, scheduler=cluster.scheduler_address))
    assert [type(r) for r in out] == [ArticleRecord, RejectedInput, ArticleRecord]
    # (the cleaner now turns a document it cannot clean into that document's rejection, so the
    # batch need not fail on the worker at all; either way only the bad document is rejected)
    assert out[1].source == "broken-input"
    assert out[1].reason.startswith(("worker failed: ", "cannot clean this document ("))
    assert [r.source for r in (out[0], out[2])] == [docs[0].source, docs[1].source]


def test_engine_dask_back_pressure_bounds_documents_read_ahead(docs, cluster):
    pulled = []

    def source():
        for d in docs:
            pulled.append(d.source)
            yield d

    settings = _settings(batch_size=1)
    results = run_dask(source(), settings, ACTORS, scheduler=cluster.scheduler_address)
    first = next(results)
    # 2 workers x 1 thread: at most 2 x 2 batches of 1 are outstanding when the first result is yielded.
    assert first.source == docs[0].source
    assert len(pulled) <= 4 < len(docs)
    rest = list(results)
    assert [r.source for r in [first, *rest]] == [d.source for d in docs]


def test_engine_dask_worker_without_actor_file_fails_fast(cluster, tmp_path):
    with pytest.raises(NewsdeskError, match="cannot load the models"):
        next(run_dask([RawDoc(source="x", text="y")], _settings(), (str(tmp_path / "missing.csv"),),
                      scheduler=cluster.scheduler_address))


def test_engine_dask_empty_input_contacts_no_scheduler():
    # Nothing to process (e.g. every input already stored): no cluster is started or reached.
    assert list(run_dask(iter([]), _settings(), scheduler="tcp://127.0.0.1:9")) == []
