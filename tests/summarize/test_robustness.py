"""Debris that survives cleaning (a tweet, a widget line, a caption) never enters a brief."""

import pytest

from newsbrief.config import METHODS, Settings
from newsbrief.model import Article
from newsbrief.summarize import make_summarizer

from tests.conftest import document

SURVIVING_DEBRIS = [
    "Tweet with a location you can add location information to your tweets, such as your city or precise location.",
    "Shelling continues in the east pic.twitter.com/x1y2z3 — Aleppo Media Center (@AMC_Aleppo) December 12, 2016",
    "Syrian pro-government forces in the Masaken Hanano district in eastern Aleppo on Sunday",
    "Sign up for our newsletter to get the latest news from Aleppo delivered to your inbox every morning.",
]


@pytest.fixture(scope="module")
def articles_with_debris(seed_paths):
    from newsbrief.clean.article import clean_article

    cleaned = [clean_article(Article(id=p.name, text=p.read_text(encoding="utf-8"))) for p in seed_paths]
    noisy = "\n\n".join(SURVIVING_DEBRIS[:2] + [cleaned[0].text] + SURVIVING_DEBRIS[2:])
    return [Article(id="noisy", text=noisy), cleaned[1]]


@pytest.mark.parametrize("method", METHODS)
def test_no_surviving_debris_is_chosen(method, articles_with_debris):
    chosen = " ".join(s.text for s in make_summarizer(Settings(method=method, words=2000)).summarize(document(articles_with_debris)))
    for debris in SURVIVING_DEBRIS:
        assert debris[:40] not in chosen
