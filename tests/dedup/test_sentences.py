"""Near-copy grouping of sentences."""

from newsbrief.dedup.sentences import near_copy_groups

CAPTION = "This was the first time the regime had entered the district since 2013 and there had been fierce clashes, {} added."


def test_exact_copies_form_one_group():
    assert near_copy_groups(["Rebels fled the city.", "Other news today.", "Rebels fled the city."]) == [[0, 2], [1]]


def test_copies_differing_in_case_and_punctuation_are_one_group():
    assert near_copy_groups(["Rebels fled the city.", "rebels fled the city"]) == [[0, 1]]


def test_a_changed_word_is_still_a_near_copy():
    assert near_copy_groups([CAPTION.format("they"), CAPTION.format("he")]) == [[0, 1]]


def test_different_sentences_on_the_same_topic_stay_apart():
    texts = ["Syrian forces made significant gains in east Aleppo on Monday.",
             "Syrian forces make sweeping gains in eastern Aleppo as rebels retreat."]
    assert near_copy_groups(texts) == [[0], [1]]


def test_threshold_one_joins_only_identical_word_sequences():
    assert near_copy_groups([CAPTION.format("they"), CAPTION.format("he")], threshold=1.0) == [[0], [1]]


def test_many_sentences_are_grouped_quickly():
    texts = [f"Sentence number {i} talks about topic {i % 97} in district {i % 13}." for i in range(5000)]
    groups = near_copy_groups(texts + texts[:10])
    assert len(groups) == 5000


def test_sentences_with_different_figures_are_never_copies():
    texts = ["An estimated 10,000 people fled over the weekend, civilians told CNN.",
             "An estimated 20,000 people fled over the weekend, civilians told CNN."]
    assert near_copy_groups(texts) == [[0], [1]]
