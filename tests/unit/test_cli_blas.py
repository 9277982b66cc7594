"""The command line keeps numpy's BLAS to one thread (its idle worker spun and slowed llama.cpp's prompt)."""

from __future__ import annotations

from threadpoolctl import threadpool_info, threadpool_limits

from tenor.cli import main


def test_the_command_line_runs_numpy_blas_on_one_thread() -> None:
    keep = threadpool_limits(limits=None, user_api="blas")  # only to restore the test process afterwards
    try:
        threadpool_limits(limits=2, user_api="blas")
        main.single_threaded_blas()
        blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
        assert blas and all(i["num_threads"] == 1 for i in blas)
    finally:
        keep.restore_original_limits()
