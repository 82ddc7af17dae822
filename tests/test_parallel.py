"""ordered_map: results in input order on any number of threads, errors as a loop raises them."""

import threading
import time

import pytest

from linkaudit import parallel
from linkaudit.timing import collecting, stage


@pytest.mark.parametrize("threads", ["1", "2", "4"])
def test_results_come_back_in_input_order(threads: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", threads)

    def slow_first(k: int) -> int:
        time.sleep(0.02 if k == 0 else 0.0)  # the first item finishes last
        return k * k

    assert parallel.ordered_map(slow_first, list(range(8))) == [k * k for k in range(8)]


def test_work_runs_on_worker_threads_only_when_worth_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    main = threading.get_ident()

    def where(_: int) -> int:
        return threading.get_ident()

    small = parallel.PARALLEL_ROWS - 1
    assert set(parallel.ordered_map(where, [1, 2, 3], rows=small)) == {main}
    assert main not in set(parallel.ordered_map(where, [1, 2, 3], rows=small + 1))
    assert main not in set(parallel.ordered_map(where, [1, 2, 3]))
    monkeypatch.setenv("LINKAUDIT_THREADS", "1")
    assert set(parallel.ordered_map(where, [1, 2, 3])) == {main}


def test_the_costliest_item_starts_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    started: list[int] = []
    lock = threading.Lock()

    def note(k: int) -> int:
        with lock:
            started.append(k)
        time.sleep(0.01)
        return k

    out = parallel.ordered_map(note, [1, 5, 2, 9], cost=float)
    assert out == [1, 5, 2, 9]
    assert started[:2] == [9, 5] or started[:2] == [5, 9]
    assert set(started[2:]) == {1, 2}


def test_the_first_error_in_input_order_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")

    def fail(k: int) -> int:
        if k in (1, 3):
            time.sleep(0.02 if k == 1 else 0.0)  # the second failure happens first
            raise ValueError(f"item {k}")
        return k

    with pytest.raises(ValueError, match="item 1"):
        parallel.ordered_map(fail, [0, 1, 2, 3])


def test_stages_timed_on_workers_reach_the_callers_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")

    def timed(k: int) -> int:
        with stage("inner"):
            return k

    with collecting() as timings, stage("outer"):
        parallel.ordered_map(timed, [1, 2, 3])
    assert "inner" in timings.stages
    assert timings.parent["inner"] == "outer"


@pytest.mark.parametrize(("value", "expected"), [("3", 3), ("1", 1), ("0", None), ("x", None)])
def test_threads_reads_the_environment(
    value: str, expected: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", value)
    got = parallel.threads()
    if expected is None:  # unusable: the usable cores, capped
        assert 1 <= got <= parallel.MAX_THREADS
    else:
        assert got == expected


def test_a_map_inside_a_worker_runs_on_that_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")

    def inner(_: int) -> int:
        return threading.get_ident()

    def outer(_: int) -> set[int]:
        here = threading.get_ident()
        found = set(parallel.ordered_map(inner, [1, 2, 3]))
        assert found == {here}
        return found

    assert len(parallel.ordered_map(outer, [1, 2])) == 2


def test_alongside_runs_the_side_work_on_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    main = threading.get_ident()
    here, there = parallel.alongside(threading.get_ident, threading.get_ident)
    assert here == main and there != main
    monkeypatch.setenv("LINKAUDIT_THREADS", "1")
    assert parallel.alongside(threading.get_ident, threading.get_ident) == (main, main)
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    small = parallel.PARALLEL_ROWS - 1
    assert parallel.alongside(threading.get_ident, threading.get_ident, rows=small) == (main, main)


def test_alongside_raises_the_main_error_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")

    def boom(text: str) -> int:
        raise ValueError(text)

    with pytest.raises(ValueError, match="main"):
        parallel.alongside(lambda: boom("main"), lambda: boom("side"))
    with pytest.raises(ValueError, match="side"):
        parallel.alongside(lambda: 1, lambda: boom("side"))


def test_in_background_runs_the_work_on_a_worker_meanwhile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    main = threading.get_ident()
    started = threading.Event()

    def work() -> int:
        started.set()
        return threading.get_ident()

    with parallel.in_background(work) as result:
        assert started.wait(5)  # running before anyone asks for it
        assert result() != main
    monkeypatch.setenv("LINKAUDIT_THREADS", "1")
    with parallel.in_background(threading.get_ident) as result:
        assert result() == main
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    with parallel.in_background(threading.get_ident, rows=parallel.PARALLEL_ROWS - 1) as result:
        assert result() == main


def test_in_background_raises_its_error_when_asked_and_on_leaving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")

    def boom() -> int:
        raise ValueError("context")

    with pytest.raises(ValueError, match="context"), parallel.in_background(boom) as result:
        result()
    with pytest.raises(ValueError, match="context"), parallel.in_background(boom):
        pass  # nobody asked: leaving the block raises it


def test_in_background_with_fan_out_lets_the_work_use_workers_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large fuzzy rule runs beside the other rules and still spreads its marketplaces
    over the cores; without fan_out the work is a worker and its maps run serially."""
    monkeypatch.setenv("LINKAUDIT_THREADS", "2")
    barrier = threading.Barrier(2, timeout=5)

    def both_at_once(_: int) -> int:
        barrier.wait()  # only passes when two items run at the same time
        return threading.get_ident()

    def work() -> set[int]:
        return set(parallel.ordered_map(both_at_once, [0, 1]))

    with parallel.in_background(work, fan_out=True) as result:
        assert len(result()) == 2

    def serial() -> list[int]:
        return parallel.ordered_map(lambda _: threading.get_ident(), [0, 1])

    with parallel.in_background(serial) as result:
        first, second = result()
        assert first == second != threading.get_ident()
