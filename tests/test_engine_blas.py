"""engine.blas: a block runs this thread's BLAS on one thread and puts the count back after."""
from __future__ import annotations

import numpy as np

from newsdesk.engine import blas


def test_one_blas_thread_sets_one_and_restores() -> None:
    set_threads = blas._set_local_threads()
    assert set_threads is not None, "the pinned numpy wheel bundles an OpenBLAS with the per-thread setting"
    before = set_threads(1)  # read the count (and put it back)
    set_threads(before)
    with blas.one_blas_thread():
        assert set_threads(1) == 1
    assert set_threads(before) == before


def test_products_inside_the_block_are_products() -> None:
    a = np.random.default_rng(0).random((120, 300))
    with blas.one_blas_thread():
        inside = a @ a.T
    assert np.allclose(inside, a @ a.T)


def test_without_the_per_thread_setting_the_block_changes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(blas, "_set_local_threads", lambda: None)
    a = np.arange(12.0).reshape(3, 4)
    with blas.one_blas_thread():
        assert np.array_equal(a @ a.T, np.array([[14.0, 38, 62], [38, 126, 214], [62, 214, 366]]))
