"""Language: detected when the text says it clearly, and `brief` skips what it cannot brief."""

from __future__ import annotations

import pytest

from newsbrief.config import Settings
from newsbrief.clean.language import in_languages
from newsbrief.ingest.language import detect_language, label_language
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import brief_articles

from .pages import GERMAN, STORY


def article(text, id="a.txt", language=None) -> Article:
    return Article(id=id, text=text, path=id, language=language)


@pytest.mark.parametrize("text, language", [(" ".join(STORY), "en"), (" ".join(GERMAN), "de")])
def test_clear_text_is_detected(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["Breaking news", "Aleppo, Homs, Idlib, Raqqa, Deir ez-Zor, Hama, Latakia, Tartus"])
def test_too_little_text_to_tell_is_unknown(text):
    assert detect_language(text) is None


def test_label_keeps_a_stated_language():
    assert label_language(article(" ".join(STORY), language="fr")).language == "fr"


def test_label_sets_the_detected_language():
    assert label_language(article(" ".join(GERMAN))).language == "de"


def test_other_languages_are_skipped_with_a_reason_and_unknown_kept():
    english, german, unknown = article("x", "en.txt", "en"), article("y", "de.txt", "de"), article("z", "u.txt")
    kept, skipped = in_languages([english, german, unknown], "en")
    assert kept == [english, unknown]
    assert skipped == [Rejected("de.txt", "language",
                                "language 'de' (newsbrief briefs English articles; see the languages setting)")]


def test_an_empty_languages_setting_keeps_every_language():
    articles = [article("x", "en.txt", "en"), article("y", "de.txt", "de")]
    assert in_languages(articles, "") == (articles, [])


def test_record_source_names_its_file_and_id():
    _, [skipped] = in_languages([Article(id="42", text="y", path="dump.jsonl", language="de")], "en")
    assert skipped.source == "dump.jsonl (id 42)"


def test_brief_skips_a_german_article_and_says_so():
    english = article("\n\n".join(STORY), "en.txt", "en")
    german = article("\n\n".join(GERMAN), "de.txt", "de")
    brief = brief_articles([english, german], Settings(words=60, method="lead"))
    assert [a.id for a in brief.articles] == ["en.txt"]
    assert [(r.source, r.stage) for r in brief.rejected] == [("de.txt", "language")]
