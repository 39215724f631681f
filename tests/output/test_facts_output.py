"""Facts in the brief's Markdown and JSON: sections with [n] markers, limits, indices, absence."""

from dataclasses import replace

from newsbrief.model.facts import Attribution, Disagreement, Entity, Facts, Figure, Mention, Quote, TimelineEvent
from newsbrief.model import Brief, BriefSentence, Source, SourceSpan
from newsbrief.output.facts_json import facts_to_dict
from newsbrief.output.facts_markdown import facts_to_markdown, rank_figures
from newsbrief.output.jsonout import brief_to_dict
from newsbrief.output.markdown import brief_to_markdown

NUMBERS = {"a": 1, "b": 2}


def figure(text, value, source=None, article="a", counts=("people", "fled")):
    return Figure(text=text, value=value, high=None, qualifier=None, unit=None, noun=counts[0], event=counts[1],
                  source=Attribution(source, f"{source} said") if source else None, sentence="…",
                  mentions=(Mention(article, 0, 1),), counts_something=counts[0] is not None)


TEN = figure("10,000", 10_000, "civilians")
TWENTY = figure("about 20,000", 20_000, "SANA", article="b")
FACTS = Facts(
    figures=(figure("four years", 4, counts=(None, None)), TEN, TWENTY),
    disagreements=(Disagreement("conflict", "people fled", (TEN, TWENTY)),),
    quotes=(Quote("We are leaving", "Ahmad Edrees", "a resident", "he said", (Mention("b", 5, 19),)),),
    entities=(Entity("Bashar al-Assad", "person", ("Bashar al-Assad", "Assad"), 3, ("a", "b")),),
    timeline=(TimelineEvent(None, "day", "on Monday", "Forces advanced on Monday.", (Mention("a", 0, 26),)),),
)


def test_every_section_with_markers_and_sources():
    text = "\n".join(facts_to_markdown(FACTS, NUMBERS))
    assert "- people fled: **10,000** — civilians (“civilians said”) [1]" in text
    assert "10,000 (civilians) [1] vs about 20,000 (SANA) [2]" in text
    assert "“We are leaving” — Ahmad Edrees, a resident [2]" in text
    assert "Bashar al-Assad (3 mentions in 2 articles; also “Assad”)" in text
    assert "- on Monday (date unknown): Forces advanced on Monday. [1]" in text


def test_figures_in_a_disagreement_come_first_within_the_limit():
    text = "\n".join(facts_to_markdown(FACTS, NUMBERS, limit=1))
    figures = text.split("## Key figures")[1].split("## Disagreements")[0]
    assert "**10,000**" in figures and "- … and 1 more" in figures


def test_a_figure_that_does_not_say_what_it_counts_is_not_shown():
    text = "\n".join(facts_to_markdown(FACTS, NUMBERS))
    assert "**four years**" not in text


def test_a_bare_number_is_not_ranked_among_the_shown_figures():
    bare = figure("two", 2, "a fighter", counts=(None, None))
    counted = figure("100,000", 100_000, counts=("civilians", "trapped"))
    assert rank_figures(Facts(figures=(bare, counted))) == [counted]


def test_json_disagreements_point_at_figures_by_index():
    data = facts_to_dict(FACTS, NUMBERS)
    assert [data["figures"][i]["text"] for i in data["disagreements"][0]["figures"]] == ["10,000", "about 20,000"]
    assert data["figures"][1]["mentions"] == [{"source": 1, "article_id": "a", "start": 0, "end": 1}]
    assert data["entities"][0]["sources"] == [1, 2]


def brief_with(facts):
    sources = (Source(1, "a"), Source(2, "b"))
    sentence = BriefSentence("Forces advanced on Monday.", (SourceSpan("a", 0, 26),))
    return Brief("Title", (sentence,), sources, facts=facts, settings={"facts_limit": 10})


def test_the_brief_puts_the_facts_between_the_sentences_and_the_sources():
    markdown = brief_to_markdown(brief_with(FACTS))
    assert markdown.index("[1]") < markdown.index("## Key figures") < markdown.index("## Sources")
    assert "\n\n\n" not in markdown


def test_a_brief_without_facts_has_no_facts_key_or_sections():
    assert "facts" not in brief_to_dict(brief_with(None))
    assert "## Key figures" not in brief_to_markdown(brief_with(None))


def test_a_brief_lists_the_names_mentioned_more_than_once():
    once = Entity("Cindy Crawford", "person", ("Cindy Crawford",), 1, ("a",))
    facts = Facts(entities=(FACTS.entities[0], once))
    assert "Cindy Crawford" not in "\n".join(facts_to_markdown(facts, NUMBERS, limit=10))
    assert "Cindy Crawford" in "\n".join(facts_to_markdown(facts, NUMBERS))


def test_a_few_things_nothing_happened_to_are_no_key_figure():
    few = figure("two", 2, counts=("ships", None))
    killed = figure("two", 2, counts=("people", "killed"))
    assert rank_figures(Facts(figures=(few, killed))) == [killed]


def test_a_figure_aside_from_the_story_is_no_key_figure():
    aside = replace(TEN, aside=True)
    assert rank_figures(Facts(figures=(aside, TWENTY))) == [TWENTY]
