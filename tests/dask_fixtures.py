"""A LocalCluster of two single-threaded worker processes, shared by the tests of one module."""
from __future__ import annotations

import pytest
from distributed import LocalCluster


@pytest.fixture(scope="module")
def cluster():
    """Tasks and results really cross process boundaries."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0") as c:
        yield c
