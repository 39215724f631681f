"""A real local Ray cluster for the tests of `newsbrief.scale`: started once per session (2 CPUs,
bound to 127.0.0.1, in the session's temporary folder), shut down at the end."""

from __future__ import annotations

import logging
import os

import pytest

from tests.service.conftest import cluster_records, write_jsonl  # noqa: F401 - builders for these tests


@pytest.fixture(scope="session")
def ray_cluster(tmp_path_factory):
    """The `ray` module, initialised; a subprocess driver joins it at `get_runtime_context().gcs_address`
    with `ray.driver_env_` in its environment (the cluster's token)."""
    try:
        import ray
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("needs Ray: CI must install the test extra (newsbrief[ray])")
        pytest.skip("needs Ray: pip install 'newsbrief[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", logging_level=logging.ERROR,
             log_to_driver=False, _temp_dir=str(tmp_path_factory.mktemp("ray")))
    token = os.path.expanduser("~/.ray/auth_token")  # where ray.init keeps this cluster's token (the session's home)
    ray.driver_env_ = {"RAY_AUTH_TOKEN_PATH": token} if os.path.exists(token) else {}
    try:
        yield ray
    finally:
        ray.shutdown()
