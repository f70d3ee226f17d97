"""Four processes writing one database at once: no write is lost, locked() serialises.

Each worker updates its own option and increments one shared counter under
``options.locked("counter")``; the counter must end at workers x iterations.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Barrier
from typing import Protocol

import pytest

from jetpress.store.base import OptionRow, Store
from jetpress.store.urls import open_store

WORKERS = 4


def _work(url: str, prefix: str, index: int, iterations: int, start: Barrier) -> None:
    """One process: own option updates plus locked increments of the shared counter."""
    store = open_store(url, prefix=prefix)
    start.wait(60)  # every worker connected: the loops overlap
    own = f"own_{index}"
    for i in range(1, iterations + 1):
        if not store.options.update(own, str(i)):
            raise AssertionError(f"{own}: update to {i} changed nothing")
        with store.options.locked("counter"):
            row = store.options.load("counter")
            assert row is not None
            if not store.options.update("counter", str(int(row.value) + 1)):
                raise AssertionError("counter: the increment changed nothing")
    store.close()


class _Engine(Protocol):
    name: str
    url: str
    prefix: str

    def open(self) -> Store: ...


@pytest.mark.parametrize(
    ("engine", "iterations"),
    [
        ("sqlite", 150),
        pytest.param("mysql", 60, marks=pytest.mark.mysql),
        pytest.param("postgres", 60, marks=pytest.mark.postgres),
    ],
    indirect=["engine"],
)
def test_processes_lose_no_write(engine: _Engine, iterations: int) -> None:
    store = engine.open()
    store.options.insert(OptionRow("counter", "0"))
    for index in range(WORKERS):
        store.options.insert(OptionRow(f"own_{index}", "0"))
    before = store.options.generation()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(WORKERS)
    procs = [
        ctx.Process(target=_work, args=(engine.url, engine.prefix, i, iterations, start))
        for i in range(WORKERS)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
    assert [p.exitcode for p in procs] == [0] * WORKERS
    assert store.options.load("counter") == OptionRow("counter", str(WORKERS * iterations))
    for index in range(WORKERS):
        assert store.options.load(f"own_{index}") == OptionRow(f"own_{index}", str(iterations))
    assert store.options.generation() != before
