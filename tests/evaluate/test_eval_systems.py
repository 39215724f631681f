"""The registry of systems that `newsbrief evaluate` scores side by side."""

from types import SimpleNamespace

import pytest

from newsbrief.config import METHODS
from newsbrief.errors import SettingsError
from newsbrief.evaluate.multinews import load_clusters, reference_sentences, split_text
from newsbrief.evaluate.systems import get_system, sumy_document, system_names, top_rated_filling

SPEC_SYSTEMS = ["lead", "tfidf-centroid-mmr", "lexrank", "textrank", "lsa", "sumbasic", "oracle"]
SUMY_SYSTEMS = ["lexrank", "textrank", "lsa", "sumbasic"]
# Systems that always fill the budget when the cluster has enough words (newsbrief's briefs are
# whole sentences within the budget; the oracle stops when no sentence raises its score).
FILLING = ["lead", "tfidf-centroid-mmr", *SUMY_SYSTEMS]

DOCS = [
    "The river flooded the town on monday. Residents fled to the hills. Schools were closed.",
    "Floods hit the town after heavy rain. The mayor declared an emergency. Aid arrived on tuesday.",
]


def words(sentences):
    return sum(len(s.split()) for s in sentences)


@pytest.fixture(scope="module")
def val_clusters(multinews_val):
    return [(list(c.documents), reference_sentences(c.summary)) for c in load_clusters(multinews_val, limit=3)]


def test_registry_has_every_system_of_the_spec():
    names = system_names()
    assert names[:len(METHODS)] == [f"newsbrief-{m}" for m in METHODS]
    assert set(SPEC_SYSTEMS) <= set(names) and names[-1] == "oracle"
    assert len(names) == len(set(names))


def test_an_unknown_system_is_a_settings_error():
    with pytest.raises(SettingsError, match="unknown system 'nope'; choose from newsbrief-"):
        get_system("nope")
    with pytest.raises(SettingsError):
        get_system("newsbrief-nope")


@pytest.mark.parametrize("name", system_names())
def test_every_system_respects_the_budget_on_val_clusters(name, val_clusters):
    pytest.importorskip("rouge_score")
    if name in SUMY_SYSTEMS:
        pytest.importorskip("sumy")
    system = get_system(name)
    assert len(val_clusters) == 3
    for budget in (30, 260):
        for documents, reference in val_clusters:
            summary = system(documents, reference, budget)
            assert 0 < words(summary) <= budget, (name, budget)
            assert all(s.strip() for s in summary)
            if name in FILLING and words(documents) >= budget:
                assert words(summary) == budget, (name, budget)


@pytest.mark.parametrize("name", system_names())
def test_every_system_accepts_empty_clusters(name):
    pytest.importorskip("rouge_score")
    if name in SUMY_SYSTEMS:
        pytest.importorskip("sumy")
    system = get_system(name)
    assert system([], [], 50) == []
    assert system(["", "   "], ["Something."], 50) == []


def test_sumy_systems_run_without_nltk_data(monkeypatch, tmp_path, val_clusters):
    pytest.importorskip("sumy")
    import nltk
    from sumy.nlp.tokenizers import Tokenizer

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # no NLTK data anywhere
    with pytest.raises(LookupError):
        Tokenizer("english")  # sumy's own parser would need punkt
    documents, reference = val_clusters[0]
    for name in SUMY_SYSTEMS:
        assert words(get_system(name)(documents, reference, 100)) == 100


def test_sumy_document_is_built_from_newsbrief_sentences():
    pytest.importorskip("sumy")
    document = sumy_document(["Dr. Smith arrived at 9 a.m. on Monday. He didn't speak.", "A well-known fact."])
    assert [str(s) for s in document.sentences] == [
        "Dr. Smith arrived at 9 a.m. on Monday.", "He didn't speak.", "A well-known fact.",
    ]
    assert len(document.paragraphs) == 2
    assert document.sentences[1].words == ("He", "didn't", "speak")
    assert document.sentences[0].words == ("Dr", "Smith", "arrived", "at", "a", "m", "on", "Monday")


def test_sumy_keeps_the_fewest_top_rated_sentences_that_reach_the_budget():
    rated = [SimpleNamespace(sentence=text) for text in ("a b c", "d e", "f g h i", "j")]  # best first
    assert top_rated_filling(3)(rated) == rated[:1]
    assert top_rated_filling(4)(rated) == rated[:2]
    assert top_rated_filling(5)(rated) == rated[:2]
    assert top_rated_filling(6)(rated) == rated[:3]
    assert top_rated_filling(100)(rated) == rated


def test_sumy_summary_is_in_document_order_and_cut_to_the_budget():
    pytest.importorskip("sumy")
    sentences = [s for doc in DOCS for s in split_text(doc)]
    for name in SUMY_SYSTEMS:
        summary = get_system(name)(DOCS, [], 12)
        assert words(summary) == 12
        positions = [next(i for i, s in enumerate(sentences) if s.startswith(part)) for part in summary]
        assert positions == sorted(positions), name


def test_lsa_numbers_its_terms_in_sorted_order_for_reproducible_runs():
    pytest.importorskip("sumy")
    from sumy.summarizers.lsa import LsaSummarizer

    from newsbrief.evaluate.systems import _reproducible_lsa

    summarizer = _reproducible_lsa(LsaSummarizer)()
    dictionary = summarizer._create_dictionary(sumy_document(DOCS))
    assert list(dictionary) == sorted(dictionary) and list(dictionary.values()) == list(range(len(dictionary)))
