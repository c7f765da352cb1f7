"""One BLAS thread for the small matrix products of story synthesis.

numpy's OpenBLAS runs a product on one thread per core once it is big enough (a story of about 100
candidate sentences), and its threads then spin waiting for more work. On the products a summary makes
(at most ``summarize.MAX_UNITS`` sentences by their terms, and LexRank's up to 100 matrix-vector steps)
that costs several times the product itself: a 300 x 2,000 product 30 times took 1.09 CPU-s on two
threads and 0.18 on one (2 cores). A product on one thread also gives the same bits on every machine;
on several threads its last bits depend on how many the machine has.
"""
from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


@functools.cache
def _set_local_threads() -> Callable[[int], int] | None:
    """OpenBLAS's ``openblas_set_num_threads_local`` (0.3.27 on: sets the calling thread's count, returns
    the one before) from the library bundled with numpy's wheel; None for another BLAS or an older one."""
    root = Path(np.__file__).parent
    for lib in sorted([*root.parent.glob("numpy.libs/*openblas*"), *root.glob(".dylibs/*openblas*")]):
        try:
            fn = ctypes.CDLL(str(lib)).openblas_set_num_threads_local  # the copy numpy has loaded already
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        return fn
    return None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run this thread's BLAS calls on one thread inside the block (nothing changes where OpenBLAS's
    per-thread setting is not found)."""
    set_threads = _set_local_threads()
    if set_threads is None:
        yield
        return
    before = set_threads(1)
    try:
        yield
    finally:
        set_threads(before)
