"""Disagreements: conflicts between sources at the same time, developments over time, never averages."""

from datetime import date

from newsbrief.facts.disagreements import comparison_key, find_disagreements

SAME_DAY = {"a": date(2016, 12, 12), "b": date(2016, 12, 12)}
TWO_WEEKS = {"a": date(2016, 11, 28), "b": date(2016, 12, 12)}
UNDATED = {"a": None, "b": None}


def kinds(figures, published):
    return [(d.kind, [f.value for f in d.figures]) for d in find_disagreements(figures, published, 0.1, 0)]


def test_different_sources_at_the_same_time_conflict(figure):
    figures = [figure(10_000, source="civilians", qualifier="an estimated"),
               figure(20_000, source="SANA", qualifier="around")]
    assert kinds(figures, SAME_DAY) == [("conflict", [10_000, 20_000])]


def test_values_within_rounding_or_bounds_agree(figure):
    figures = [figure(10_000, source="civilians"), figure(10_400, source="SANA"),
               figure(9_000, source="police", qualifier="more than")]
    assert kinds(figures, SAME_DAY) == []


def test_figures_at_different_times_are_a_development_earlier_to_later(figure):
    figures = [figure(100_000, event="trapped", article="b"), figure(250_000, event="trapped", article="a")]
    assert kinds(figures, TWO_WEEKS) == [("development", [250_000, 100_000])]


def test_undated_articles_are_not_ordered(figure):
    figures = [figure(100_000, event="trapped", article="b"), figure(250_000, event="trapped", article="a")]
    assert kinds(figures, UNDATED) == [("unordered", [100_000, 250_000])]


def test_figures_about_different_occasions_are_not_compared(figure):
    kunduz = figure(32, event="killed", article="a", sentence="US air strikes in Kunduz province left 32 civilians dead.")
    consulate = figure(6, event="killed", article="b", sentence="A truck bomb hit the German consulate in Mazar-i-Sharif.")
    assert kinds([kunduz, consulate], TWO_WEEKS) == []


def test_the_same_source_at_the_same_time_is_no_conflict(figure):
    figures = [figure(34, source="NWS", article="a"), figure(62, source="NWS", article="a")]
    assert kinds(figures, SAME_DAY) == []


def test_only_the_same_counted_thing_is_compared(figure):
    figures = [figure(500, event="killed"), figure(1_800, event="injured"),
               figure(100_000, noun="children", event="trapped"), figure(250_000, event="trapped")]
    assert kinds(figures, SAME_DAY) == []


def test_increments_durations_and_populations_are_not_compared(figure):
    assert comparison_key(figure(1_800, event="injured", increment=True)) is None
    assert comparison_key(figure(4, noun=None, event=None, unit="years")) is None
    assert comparison_key(figure(600, event=None)) is None
