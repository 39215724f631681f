"""No article is lost to one bad character or a taken id, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json

import pytest

from newsbrief.config import Settings
from newsbrief.ingest.files import read_inputs
from newsbrief.model import INVALID_CHARACTERS
from newsbrief.service.ingest import ADDED, DUPLICATE, REJECTED, Ingestor
from newsbrief.store import Store, StoreError, resolve_url

BODY = ("Rescue teams reached the flooded villages on Tuesday after the river burst its banks, "
        "officials said, and began moving families to schools on higher ground.")
OTHER = ("The council voted on Monday to close the old bridge for repairs that will take most of "
         "the year, and a ferry will carry commuters across the river meanwhile.")


def jsonl(path, *records) -> str:
    """Records written as a scraper would: JSON escapes for lone surrogates and NULs."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_surrogate_and_nul_records_are_stored_normalised_and_the_next_too(db_url, tmp_path):
    path = jsonl(tmp_path / "scraped.jsonl",
                 {"id": "cut-pair", "title": "Floods \ud83d", "text": BODY.replace("villages", "villages \ud800")},
                 {"id": "nul\u0000id", "text": BODY.replace("Tuesday", "Tues\u0000day") + " Extra."},
                 {"id": "after", "text": OTHER})
    articles, rejected = read_inputs([path], Settings())
    assert rejected == [] and [a.id for a in articles] == ["cut-pair", "nulid", "after"]
    store = Store(db_url)
    results = Ingestor(store, Settings(db=db_url)).add_many(articles)
    assert [r.status for r in results] == [ADDED, ADDED, ADDED]
    cut = store.article("cut-pair").article
    assert "villages \ufffd" in cut.text and cut.title == "Floods \ufffd"
    assert "Tuesday" in store.article("nulid").article.text
    assert store.article("after").article.text == OTHER


def test_invalid_characters_are_counted_in_the_removed_notes(tmp_path):
    from newsbrief.pipeline import clean_articles

    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": "\u0000\u0001" + BODY + "\ud800"})
    (article,), _ = read_inputs([path], Settings())
    (cleaned,), _ = clean_articles([article], [])
    notes = [r for r in cleaned.removed if r.reason == INVALID_CHARACTERS]
    assert len(notes) == 1 and notes[0].line_no == 1 and notes[0].text.startswith("3 invalid characters")
    assert cleaned.text.startswith("Rescue") and cleaned.text.endswith("ground.\ufffd")


def test_composed_and_decomposed_accents_are_one_text(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BODY + " Cafe\u0301 owners agreed."},
                 {"id": "b", "text": BODY + " Caf\u00e9 owners agreed."})
    first, second = read_inputs([path], Settings())[0]
    assert first.text == second.text


def test_a_lookup_with_a_nul_finds_nothing_on_any_database(db_url):
    store = Store(db_url)
    assert store.article("x\u0000") is None and store.story("x\u0000") is None
    assert not store.has_article("\u0000") and store.story_articles("\u0000") == []
    assert store.search("\u0000")[0] == store.search("")[0]
    total, rows = store.stories(q="\u0000", outlet="\u0000")  # answered, not a database error
    assert (total, rows) == (0, [])


def test_the_same_id_with_another_text_is_kept_under_a_qualified_id_with_a_warning(db_url, tmp_path, cli):
    first = jsonl(tmp_path / "scraper-a.jsonl", {"id": "1", "text": BODY, "source": "River Times"})
    second = jsonl(tmp_path / "scraper-b.jsonl", {"id": "1", "text": OTHER, "source": "City Paper"})
    assert cli("ingest", "--db", db_url, first).exit_code == 0
    result = cli("ingest", "--db", db_url, second)
    assert result.exit_code == 0
    assert result.stderr.strip() == (f"newsbrief: warning: {second} (id 1): id '1' is already stored with another "
                                     "text: stored as '1@City-Paper'")
    store = Store(db_url)
    assert store.article("1").article.text == BODY and store.article("1@City-Paper").article.text == OTHER
    again = cli("ingest", "--db", db_url, first, second)
    assert again.exit_code == 0 and "2 already stored" in again.stdout and again.stderr == ""


def test_the_same_id_twice_in_one_file_falls_back_to_a_text_hash(tmp_path):
    db = "sqlite:///" + str(tmp_path / "s.db")
    path = jsonl(tmp_path / "dump.jsonl", {"id": "7", "text": BODY}, {"id": "7", "text": OTHER},
                 {"id": "7", "text": OTHER + " Updated."})
    articles, _ = read_inputs([path], Settings())
    results = Ingestor(Store(db), Settings(db=db)).add_many(articles)
    assert [r.status for r in results] == [ADDED, ADDED, ADDED]
    assert results[1].id == "7@dump.jsonl" and results[2].id.startswith("7@") and len(results[2].id) == 14
    assert all(r.note for r in results[1:])


def test_id_collisions_reject_skips_with_the_reason(tmp_path):
    db = "sqlite:///" + str(tmp_path / "s.db")
    settings = Settings(db=db, id_collisions="reject")
    path = jsonl(tmp_path / "dump.jsonl", {"id": "7", "text": BODY}, {"id": "7", "text": OTHER}, {"id": "7", "text": BODY})
    articles, _ = read_inputs([path], settings)
    results = Ingestor(Store(db), settings).add_many(articles)
    assert [r.status for r in results] == [ADDED, REJECTED, DUPLICATE]
    assert results[1].reason == "id '7' is already stored with another text (id_collisions=reject)"


@pytest.mark.parametrize("url", ["sqlite:///", "sqlite://", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"])
def test_an_in_memory_store_is_an_error(url):
    with pytest.raises(StoreError, match="in memory and lost at exit"):
        resolve_url(url)


def test_ingest_into_an_empty_sqlite_url_exits_1_and_says_why(cli, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BODY})
    result = cli("ingest", "--db", "sqlite:///", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == ("newsbrief: error: the store 'sqlite:///' would be in memory and lost at exit: "
                                     "give a file, as sqlite:///PATH (or a plain path)")
