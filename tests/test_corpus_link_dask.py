"""Corpus linking with its per-story and per-block work on Dask workers stores exactly what the serial run stores."""
from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from distributed import Client, get_task_stream

from newsdesk.cli import cli
from newsdesk.config import load_settings
from newsdesk.corpus.link import link_pending
from newsdesk.engine.link_map import DaskMapper, serial_map
from newsdesk.engine.local import run_local
from newsdesk.errors import RejectedInput
from newsdesk.export import export_all
from newsdesk.pipeline import actor_files_tuple
from newsdesk.readers import Rejection, read_inputs
from newsdesk.store import open_store

from dask_fixtures import cluster  # noqa: F401  (fixture)
from paths import DEMO, FIXTURES, SEEDS

ACTORS = actor_files_tuple([DEMO / "actors.csv"])


@pytest.fixture(scope="module")
def records(models):
    settings = load_settings(db="unused.db", workers=1)
    docs = [d for d in read_inputs([*sorted(SEEDS.glob("*.txt")), DEMO, FIXTURES / "link_dask"],
                                                 settings) if not isinstance(d, Rejection)]
    out = [r for r in run_local(docs, settings, ACTORS, workers=1) if not isinstance(r, RejectedInput)]
    assert len(out) >= 18, "seed or demo corpus missing"
    return out


def _store_pending(db: str, records) -> None:
    """Store the records as an ingest does before linking: every article is pending."""
    store = open_store(db)
    for rec in records:
        with store.writer():
            store.save_record(rec)
    store.close()


def _export(db: str, out) -> dict[str, str]:
    store = open_store(db)
    export_all(store, out)
    store.close()
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def _linked(tmp_path, name: str, records, mapper, link_batch: int) -> dict[str, str]:
    db = str(tmp_path / f"{name}.db")
    _store_pending(db, records)
    store = open_store(db)
    settings = load_settings(db=db, link_batch=link_batch)
    assert link_pending(store, settings, mapper=mapper) == len(records)
    amounts = [a["id"] for a in store.synthesis_items("amounts", [r.id for r in records])]
    groups = store.claim_groups(amounts)  # the claim blocks' grouping state (not exported)
    store.close()
    return {**_export(db, tmp_path / f"{name}-export"), "claim_groups": groups}


def test_corpus_link_dask_mapper_stores_what_serial_linking_stores(tmp_path, records, cluster):
    # Small batches: later batches regroup claims against blocks and stories earlier ones stored.
    serial = _linked(tmp_path, "serial", records, serial_map, link_batch=6)
    with Client(cluster) as client:
        mapper = DaskMapper(client, min_items=1)  # every map goes to the workers
        dask = _linked(tmp_path, "dask", records, mapper, link_batch=6)
    assert mapper.remote_calls >= 2  # the stories and the claim blocks of at least one batch
    # the fixture set exercises every mapped part: multi-source stories with summaries, figures, quote variants
    assert '"summary": [{' in serial["stories.jsonl"]
    assert serial["discrepancies.jsonl"].count("\n") >= 2
    grouped = [g for g in serial["claim_groups"].values() if g]
    assert len(grouped) > len(set(grouped))  # the claim blocks found aligned pairs
    assert serial["quote_groups.jsonl"].count("\n") >= 1
    assert dask == serial


def test_corpus_link_dask_mapper_keeps_order_and_runs_small_maps_here(cluster):
    with Client(cluster) as client:
        remote = DaskMapper(client, min_items=5)
        assert remote(abs, list(range(-40, 3))) == [abs(x) for x in range(-40, 3)]
        assert remote.remote_calls == 1
        assert remote(abs, [-1, -2]) == [1, 2]  # under min_items: in this process
        assert remote.remote_calls == 1


def test_corpus_link_dask_cli_relink_on_a_scheduler_matches_local_relink(tmp_path, records, cluster, monkeypatch):
    monkeypatch.setenv("NEWSDESK_LINK_MAP_MIN", "1")
    runner = CliRunner()
    exports = {}
    for engine in ("local", "dask"):
        db = str(tmp_path / f"{engine}.db")
        _store_pending(db, records)
        args = ["--db", db, "relink", "--json"] + (["--scheduler", cluster.scheduler_address] if engine == "dask" else [])
        with Client(cluster) as client, get_task_stream(client) as stream:  # records every task the workers run
            result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert '"pending": 0' in result.output
        ran = [t for t in stream.data if t["key"].startswith("_run_chunk")]
        assert bool(ran) == (engine == "dask")  # only the Dask relink sent linking work to the workers
        exports[engine] = _export(db, tmp_path / f"{engine}-export")
    assert exports["dask"] == exports["local"]


def test_corpus_link_dask_relink_scheduler_needs_dask_engine(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "relink", "--engine", "local",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2


def test_corpus_link_dask_settings_threshold_from_environment(monkeypatch):
    monkeypatch.setenv("NEWSDESK_LINK_MAP_MIN", "7")
    assert load_settings().link_map_min == 7
    assert replace(load_settings(), link_map_min=3).link_map_min == 3


def test_corpus_link_dask_cli_ingest_links_on_the_pipeline_cluster(tmp_path, cluster, monkeypatch):
    monkeypatch.setenv("NEWSDESK_LINK_MAP_MIN", "1")
    runner = CliRunner()
    exports = {}
    for engine in ("local", "dask"):
        db = str(tmp_path / f"{engine}.db")
        args = ["--db", db, "ingest", "--json", "--workers", "1", str(FIXTURES / "link_dask")]
        if engine == "dask":
            args[4:4] = ["--scheduler", cluster.scheduler_address]
        with Client(cluster) as client, get_task_stream(client) as stream:
            result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        ran = [t for t in stream.data if t["key"].startswith("_run_chunk")]
        assert bool(ran) == (engine == "dask")
        exports[engine] = _export(db, tmp_path / f"{engine}-export")
    assert exports["dask"]["discrepancies.jsonl"].count("\n") >= 1
    assert exports["dask"] == exports["local"]
