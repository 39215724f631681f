"""Reading inputs: text, JSON and JSONL files (plain or gzip'ed), directories of them, and
ready-made Articles -> raw Articles, plus a Rejected for each input that cannot be used."""

from newsbrief.ingest.files import iter_inputs, read_inputs

__all__ = ["iter_inputs", "read_inputs"]
