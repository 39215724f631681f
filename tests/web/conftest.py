"""The web tests reuse the service fixtures: a small filled store and API clients."""

from tests.service.conftest import client, empty_client, filled_db, small_input  # noqa: F401
