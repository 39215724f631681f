"""Reading inputs: every input format -> raw Articles, plus a Rejected for each input that cannot be used.

Text, JSON and JSONL files, HTML pages, RSS/Atom feeds and WARC archives (plain or gzip'ed),
folders of them, and ready-made Articles. `reader.READERS` picks the reader by file kind
(`sniff`); `files` walks folders, makes every string valid (`validtext`) and labels the
language (`language`); `html`, `feeds`, `warc` extract articles from markup."""

from newsbrief.ingest.files import iter_inputs, read_inputs

__all__ = ["iter_inputs", "read_inputs"]
