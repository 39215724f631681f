"""Who says so: the attributing words of a sentence, the claim governing a figure, and resolution."""

import pytest

from newsbrief.facts.attribution import claim_for, find_claims, is_speaker
from newsbrief.facts.speakers import Speakers
from newsbrief.model.facts import Attribution

from tests.conftest import document


def source_of(sentence: str, figure: str) -> str | None:
    claims = find_claims(sentence)
    claim = claim_for(claims, sentence, sentence.index(figure))
    return claim.name if claim else None


@pytest.mark.parametrize("sentence, figure, source", [
    ("An estimated 10,000 people fled over the weekend, civilians told CNN — a number backed by Russian officials.",
     "10,000", "civilians"),
    ("SANA put the figure at around 20,000.", "20,000", "SANA"),
    ("More than 500 people have been killed, according to the self-styled Syria Civil Defence volunteer rescue group.",
     "500", "the self-styled Syria Civil Defence volunteer rescue group"),
    ("Another 1,800 have been injured, the group said.", "1,800", "the group"),
    ("Police say 27 people are injured.", "27", "Police"),
    ("About two-thirds of the hit comes from the tax, while other assets also contributed, the company said in a filing.",
     "two-thirds", "the company"),
    ("Many big companies have said the changes will help them, but warned of billions of dollars in losses.",
     "billions", "Many big companies"),
])
def test_the_source_is_the_one_the_text_names(sentence, figure, source):
    assert source_of(sentence, figure) == source


@pytest.mark.parametrize("sentence, figure", [
    ("An estimated 250,000 people have been trapped since July -- among them, UNICEF says, are 100,000 children.", "250,000"),
    ("Citigroup said it expects a hit of as much as $20 billion, while Bank of America will take a $3 billion charge.", "$3 billion"),
    ("American Airlines apologized to two players, which an assistant coach suggested happened because they are black.", "two"),
    ("Two unnamed senior US officials told Reuters that no evidence suggested a connection.", "Two"),
    ("The storm brought 34 inches of snow on Christmas Day.", "34"),
])
def test_no_source_where_the_text_gives_none_for_that_figure(sentence, figure):
    assert source_of(sentence, figure) is None


def test_the_outlet_told_is_not_the_source():
    [claim] = find_claims("There's minimal resistance from rebels, several civilians on the ground told CNN.")
    assert "CNN" not in claim.name and "civilians" in claim.name


def test_an_apposition_gives_the_role():
    [claim] = find_claims("Ismail Abdallah, a member of the Syrian Civil Defence, also called the White Helmets, "
                          "told CNN that al-Fardous has been captured.")
    assert claim.name == "Ismail Abdallah"
    assert claim.role.startswith("a member of the Syrian Civil Defence")


def test_a_speaker_after_the_verb():
    [claim] = find_claims('"                       ," said Ahmad Edrees, a resident from Karam al-Baik.')
    assert (claim.name, claim.role) == ("Ahmad Edrees", "a resident from Karam al-Baik")


def test_words_inside_a_masked_quote_attribute_nothing():
    assert find_claims('"                                         " was all.') == []


def test_pronouns_and_the_group_resolve_to_the_names_given_before():
    speakers = Speakers()
    first = find_claims("More than 500 people were killed, according to the White Helmets.")[0]
    speakers.see(speakers.resolve(first, []))
    group = speakers.resolve(find_claims("Another 1,800 have been injured, the group said.")[0], [])
    assert group.name == "White Helmets" and group.phrase == "the group said"
    person = find_claims("Ajmal Jan, a local shopkeeper, said the blast broke his windows.")[0]
    speakers.see(speakers.resolve(person, []))
    he = speakers.resolve(find_claims('"                    ," he told Reuters.')[0], [])
    assert he == Attribution("Ajmal Jan", "he told Reuters", "a local shopkeeper")


@pytest.mark.parametrize("name, speaker", [
    ("Elon Musk", True), ("the agency", True), ("officials", True),
    ("As with pretty much all timetables", False), ("In the statement", False),
    ("Flightradar24", True), ("another user", True), ("airline", True), ("police", True), ("Channel 4", True),
    # read on real stories (tests/data/review): a lone adverb, ordinal, pronoun, day or number is no one
    ("mysteriously", False), ("second", False), ("another", False), ("I", False), ("Friday", False),
    ("24 seconds", False), ("Elon Musk, 38", False),
])
def test_a_quote_speaker_is_a_name_or_a_noun_phrase_not_a_clause(name, speaker):
    assert is_speaker(name) is speaker


def test_a_lone_mr_is_not_a_role():
    from newsbrief.facts.attribution import without_honorifics

    assert without_honorifics("Mr.") is None
    assert without_honorifics("Dr, the team physician") == "the team physician"
    assert without_honorifics("former defense minister") == "former defense minister"


def test_a_quote_of_mr_family_name_goes_to_the_full_name_with_no_mr_role():
    from newsbrief.clean.article import clean_article
    from newsbrief.config import Settings
    from newsbrief.facts import extract_facts
    from newsbrief.model import Article

    text = ("Israel's opposition leader Amir Peretz spoke to reporters in Jerusalem on Monday about the budget.\n\n"
            '"This is rubbing the salt in the wounds of those who need every shekel," Mr. Peretz said.')
    (quote,) = extract_facts(document([clean_article(Article("a", text, title="Budget"))], cleaned=False), Settings()).quotes
    assert (quote.speaker, quote.role) == ("Amir Peretz", None)


def test_a_source_the_model_cut_to_a_family_name_keeps_its_given_name():
    # as in a New York Times page of the Giveme5W1H set: NER gives "Paddock" inside "Eric Paddock said"
    from newsbrief.facts.entities import NameSpan
    from newsbrief.facts.speakers import _extended

    assert _extended(NameSpan(5, 12, "Paddock", "person"), "Eric Paddock").text == "Eric Paddock"
    assert _extended(NameSpan(4, 11, "Paddock", "person"), "Mr. Paddock").text == "Paddock"
    assert _extended(NameSpan(8, 16, "Lombardo", "person"), "Sheriff Lombardo").text == "Lombardo"
    assert _extended(NameSpan(4, 12, "Williams", "person"), "The Williams driver").text == "Williams"


def test_a_role_of_only_a_bullet_is_no_role():
    from newsbrief.facts.attribution import without_honorifics

    assert without_honorifics("•") is None and without_honorifics("Mr., the president") == "the president"


def test_a_role_cut_mid_clause_is_no_role():
    from newsbrief.facts.attribution import without_honorifics
    assert without_honorifics("Assistant Chief Constable of the") is None
    assert without_honorifics("Mnday that her relationship with") is None
    assert without_honorifics("one user called 80") is None
    assert without_honorifics("a spokesman for the French Interior Ministry") == "a spokesman for the French Interior Ministry"


def test_a_clause_cut_mid_way_or_a_possessive_is_no_source():
    from newsbrief.facts.attribution import is_speaker
    for fragment in ("That's an incendiary thing to", "Indian Ocean archipelago often", "Monday that she", "his"):
        assert not is_speaker(fragment), fragment
    assert is_speaker("Le Monde") and is_speaker("a state-run Chinese newspaper")
