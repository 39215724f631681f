"""The facts of the two example articles: figures with their sources, quotes, names, disagreements."""

from datetime import date

import pytest

from newsbrief.config import Settings
from newsbrief.facts import extract_facts

from tests.conftest import document


def the_figure(facts, text):
    found = [f for f in facts.figures if f.text == text]
    assert len(found) == 1, [f.text for f in facts.figures]
    return found[0]


@pytest.mark.parametrize("text, counts, source, phrase", [
    ("An estimated 10,000", "people fled", "civilians", "civilians told CNN"),
    ("around 20,000", "people fled", "SANA", "SANA put the figure"),
    ("More than 500", "people killed", "White Helmets", "according to"),
    ("Another 1,800", "people injured", "White Helmets", "the group said"),
    ("100,000", "children", "UNICEF", "UNICEF says"),
])
def test_figures_carry_what_they_count_and_the_source_the_text_names(example_facts, text, counts, source, phrase):
    figure = next(f for f in example_facts.figures if f.text == text and (f.counts or "").endswith(counts))
    assert figure.counts == counts
    assert source in figure.source.name
    assert figure.source.phrase.startswith(phrase)


def test_a_figure_the_text_gives_no_source_has_none(example_facts):
    trapped = the_figure(example_facts, "An estimated 250,000")
    assert trapped.source is None
    assert (trapped.counts, trapped.when) == ("people trapped", "since July")


def test_a_backing_source_is_kept(example_facts):
    assert the_figure(example_facts, "An estimated 10,000").source.also == ("Russian officials",)


def test_every_mention_points_at_the_figure_in_the_cleaned_text(example_articles, example_facts):
    text_of = {a.id: a.text for a in example_articles}
    assert example_facts.figures
    for figure in example_facts.figures:
        assert figure.mentions, figure.text
        for mention in figure.mentions:
            assert text_of[mention.article_id][mention.start:mention.end] == figure.text


def test_the_10000_versus_20000_displaced_is_a_conflict_between_sources(example_facts):
    [conflict] = [d for d in example_facts.disagreements if d.kind == "conflict"]
    assert conflict.counts == "people fled"
    assert {(f.value, f.source.name) for f in conflict.figures} == {(10_000, "civilians"), (20_000, "SANA")}


def test_with_dates_the_trapped_figure_is_a_development_earlier_to_later(dated_facts):
    [development] = [d for d in dated_facts.disagreements if d.kind == "development" and "trapped" in d.counts]
    assert [f.value for f in development.figures] == [250_000, 100_000]
    assert [d.kind for d in dated_facts.disagreements].count("conflict") == 1


def test_without_dates_articles_are_not_ordered(example_facts):
    assert "development" not in {d.kind for d in example_facts.disagreements}


@pytest.mark.parametrize("opening, speaker, role", [
    ("There is a mass exodus", "Ismail Abdallah", "a member of the Syrian Civil Defence"),
    ("It is going to be a very difficult situation", "Ismail Abdallah", "a member of the Syrian Civil Defence"),
    ("There are dozens of casualties", "Ahmad Edrees", "a resident from Karam al-Baik"),
    ("continuing the operations", "SANA", None),
])
def test_quotes_have_the_speaker_and_role_the_text_gives(example_facts, opening, speaker, role):
    quote = next(q for q in example_facts.quotes if q.text.startswith(opening))
    assert quote.speaker == speaker
    assert (quote.role or "").startswith(role or "")


def test_a_quote_continued_across_paragraphs_is_one_quote(example_facts):
    quote = next(q for q in example_facts.quotes if q.text.startswith("It is going to be"))
    assert "We believe there are a large number of civilian casualties" in quote.text


def test_names_are_merged_across_spellings_and_counted_across_articles(example_facts):
    assad = next(e for e in example_facts.entities if e.name == "Bashar al-Assad")
    assert assad.kind == "person" and "Assad" in assad.spellings and len(assad.articles) == 2
    kinds = {e.name: e.kind for e in example_facts.entities}
    assert kinds["UNICEF"] == "organisation" and kinds["al-Fardous"] == "place"


def test_no_source_or_speaker_is_invented(example_articles, example_facts):
    text = " ".join(a.text for a in example_articles)
    names = [f.source.name for f in example_facts.figures if f.source] + [q.speaker for q in example_facts.quotes if q.speaker]
    assert names
    for name in names:
        assert name.split(" (")[0] in text, name


def test_without_spacy_facts_still_come_with_a_note(example_articles):
    facts = extract_facts(document(example_articles, cleaned=False), Settings(entity_model=""))
    assert len(facts.notes) == 1 and "capitalisation" in facts.notes[0]
    assert any(f.text == "around 20,000" and f.source.name == "SANA" for f in facts.figures)
    assert facts.entities


def test_a_dated_article_gives_dated_figures(dated_facts):
    figure = next(f for f in dated_facts.figures if f.text == "An estimated 10,000")
    assert figure.date == date(2016, 12, 10)  # "over the weekend" before Monday 12 December 2016


def test_no_fact_comes_from_a_slideshow_caption_glued_to_the_text():
    from newsbrief.clean.article import clean_article
    from newsbrief.config import Settings
    from newsbrief.facts import extract_facts
    from newsbrief.model import Article

    # as in a CNN page of the Giveme5W1H set, the gallery flattened into the article's paragraph
    body = ("The driver was shot dead by police after a chase along the seafront, the prosecutor said. "
            "Witnesses described scenes of panic as families ran from the promenade into side streets. ") * 3
    text = ("A truck drove into a crowd in Nice on Thursday night, killing 84 people, officials said. " + body +
            "Hide Caption 5 of 25 Photos: Bastille Day terror: Harrowing images of truck attack in Nice "
            "Forensics investigators examined 12 bodies on Friday.")
    facts = extract_facts(document([clean_article(Article("a", text, title="Nice"))], cleaned=False), Settings())
    assert {f.text for f in facts.figures} == {"84"}
    assert all("Hide Caption" not in e.text for e in facts.timeline)


def test_the_same_quote_with_other_apostrophes_or_stop_is_one_quote():
    from newsbrief.facts.extract import merge_quotes
    from newsbrief.model.facts import Mention, Quote

    quotes = [Quote("can't believe it was just last night!", "Rihanna", None, "she wrote", (Mention("a", 0, 5),)),
              Quote("can’t believe it was just last night", "Rihanna", None, "she wrote", (Mention("b", 0, 5),))]
    (merged,) = merge_quotes(quotes)
    assert {m.article_id for m in merged.mentions} == {"a", "b"}
