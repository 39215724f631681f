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


def test_a_count_of_things_nothing_happened_to_is_not_compared(figure):
    ships = [figure(2, noun="ships", event=None, article="a", sentence="a rendezvous between two ships near Dalian"),
             figure(4, noun="ships", event=None, article="b", sentence="the Security Council added four ships near Dalian")]
    assert kinds(ships, TWO_WEEKS) == []
    assert comparison_key(figure(3, noun="photos", event=None)) is None
    assert comparison_key(figure(40, noun="well", event=None, unit="m")) is not None  # a measure still compares


SAME_DAY_AB = {"a": date(2018, 2, 6), "b": date(2018, 2, 6)}
LATER = {"a": date(2016, 7, 14), "b": date(2016, 7, 15)}


def test_two_figures_of_one_sentence_are_never_compared(figure):
    sentence = "A spokeswoman said eight people had serious injuries and 51 were taken to hospital, officials said."
    figures = [figure(8, event="injured", source="a spokeswoman", sentence=sentence),
               figure(51, event="injured", source="officials", sentence=sentence)]
    assert kinds(figures, SAME_DAY) == []


def test_an_articles_own_unattributed_figures_do_not_conflict(figure):
    figures = [figure(2, noun="children", event="killed", sentence="Two children died during or after surgery."),
               figure(10, noun="children", event="killed", qualifier="more than", source="Christian Estrosi",
                      sentence="Christian Estrosi, the regional president in Nice, confirmed more than 10 children died.")]
    assert kinds(figures, SAME_DAY) == []


def test_figures_naming_different_subjects_are_not_compared(figure):
    falcon = figure(27, noun="engines", event=None, source="Elon Musk", article="a",
                    sentence="There is no way you can do 27 engines on the Falcon Heavy at the same time, Musk said.")
    soviet = figure(30, noun="engines", event=None, article="b",
                    sentence="The Soviet-era N1 rocket had 30 engines, but Russian engineers had trouble getting them to work.")
    assert kinds([falcon, soviet], SAME_DAY_AB) == []


def test_values_of_different_orders_are_not_compared(figure):
    figures = [figure(1.2e6, noun="pounds of thrust", event=None, source="ESA", article="a"),
               figure(8.8e6, noun="pounds of thrust", event=None, source="NASA", article="b")]
    assert kinds(figures, SAME_DAY_AB) == []


def test_a_vaguer_word_later_is_no_development(figure):
    figures = [figure(85, event="killed", article="a"), figure(12, high=99, vague=True, event="killed", article="b")]
    assert kinds(figures, LATER) == []


def test_a_figure_of_another_year_is_background(figure):
    old = figure(20, event="injured", article="a", date=date(2015, 3, 1), when="between March 2015 and March 2016")
    assert kinds([old, figure(40, event="injured", article="b")], LATER) == []


def test_nouns_naming_different_sets_are_not_compared(figure):
    figures = [figure(1e6, noun="consumers", event=None, article="a", source="Equifax"),
               figure(700_000, noun="UK consumers", event=None, article="b", source="Equifax UK")]
    assert kinds(figures, SAME_DAY_AB) == []


def test_neighbours_in_a_development_each_really_changed(figure):
    toll = [figure(value, event="killed", article=article) for value, article in ((60, "a"), (62, "b"), (80, "c"))]
    published = {"a": date(2016, 7, 14), "b": date(2016, 7, 15), "c": date(2016, 7, 16)}
    assert kinds(toll, published) == [("development", [60, 80])]


def test_a_part_of_a_set_is_not_compared(figure):
    assert comparison_key(figure(20, event="injured", part=True)) is None
