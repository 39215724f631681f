"""`--engine local|ray`, `--ray-address`, `--workers`: where `ingest` and `stories` run their stages."""

from __future__ import annotations

from newsbrief.errors import SettingsError

ENGINES = ("local", "ray")
ENGINE_HELP = ("local: one process; ray: reading, cleaning, embedding, copy signatures (and the stories' "
               "briefs) on a Ray cluster, the same stories (needs pip install 'newsbrief[ray]').")
RAY_ADDRESS_HELP = "With --engine ray: the cluster to join (auto, HOST:PORT or ray://HOST:PORT) [default: a local one]."
WORKERS_HELP = "With --engine ray: embedding actors (and CPUs of a local cluster) [default: the cluster's CPUs]."


def check_engine(engine: str, address: str | None, workers: int | None) -> None:
    """A one-line error for an unknown engine, or Ray options without `--engine ray`."""
    if engine not in ENGINES:
        raise SettingsError(f"--engine must be local or ray, got {engine!r}")
    if engine != "ray" and (address is not None or workers is not None):
        raise SettingsError("--ray-address and --workers need --engine ray")
