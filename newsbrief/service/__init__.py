"""The newsroom service: ingest runner, JSON API and web pages over the store."""
