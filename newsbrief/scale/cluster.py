"""Joining a Ray cluster, or starting a local one for the length of one command."""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from newsbrief.errors import NewsbriefError

MISSING = "--engine ray needs Ray: pip install 'newsbrief[ray]'"


def import_ray():
    """The `ray` module, or a one-line error saying how to install it."""
    try:
        import ray  # optional and heavy (the `ray` extra): only `--engine ray` loads it
        import ray.data  # noqa: F401 - Ray Data, from the same extra
    except ImportError as err:
        raise NewsbriefError(f"{MISSING} ({err})") from None
    return ray


@contextmanager
def connect(address: str | None = None, workers: int | None = None) -> Iterator[object]:
    """Ray, initialised: the cluster at `address` (`auto`, `HOST:PORT`, `ray://...`), else a local
    one with `workers` CPUs (default: all); a process that has already called `ray.init` (a test,
    a notebook) keeps its own. What this call started it shuts down."""
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    options = {"include_dashboard": False, "logging_level": logging.ERROR, "log_to_driver": False}
    logging.getLogger("ray").setLevel(logging.ERROR)  # Ray's notes on its own set-up are not the user's warnings
    try:
        if address:
            ray.init(address=address, **options)
        else:
            os.environ.pop("RAY_ADDRESS", None)  # a local cluster: not one named by the environment
            ray.init(num_cpus=workers or os.cpu_count() or 1, _node_ip_address="127.0.0.1", **options)  # loopback only
    except Exception as err:  # noqa: BLE001 - unreachable, refused, unauthenticated: one line whatever Ray raises
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        raise NewsbriefError(f"cannot start or reach {where}: {' '.join(str(err).split())[:200]}") from None
    try:
        yield ray
    finally:
        ray.shutdown()


def quiet_data(ray) -> None:
    """Ray Data in the local engine's order, without progress bars on the user's terminal."""
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    # small blocks: a reading task hands on every `prepare.READ_ROWS` articles it reads, so one big
    # file feeds every actor, in flat memory
    context.target_max_block_size = 256 * 1024
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")  # a small input: fewer blocks than actors
