"""The digest (`newsbrief.output.digest`): a self-contained, escaped HTML page, or Markdown, of new and updated stories."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from newsbrief.model import Article, Brief, BriefSentence, Source, SourceSpan, Story
from newsbrief.output.digest import digest_to_html, digest_to_markdown

SINCE = date(2024, 3, 4)
EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def story(story_id: str, label: str, *days: int, text: str = "The storm hit the coast.") -> Story:
    """A story with one article a day of March 2024 and a brief of one sentence citing the first."""
    articles = tuple(Article(id=f"{story_id}-{d}", text=text, title=f"{label} {d}", outlet=f"Outlet {d}",
                             url=f"https://news.example/{story_id}/{d}", published=date(2024, 3, d), path="/srv/in.jsonl")
                     for d in days)
    return Story(id=story_id, label=label, articles=articles, brief=brief_of(articles))


def brief_of(articles) -> Brief:
    sources = tuple(Source(n, a.id, a.path, a.outlet, a.title, a.url, a.published) for n, a in enumerate(articles, 1))
    sentence = BriefSentence(articles[0].text, (SourceSpan(articles[0].id, 0, len(articles[0].text)),))
    return Brief(title=articles[0].title, sentences=(sentence,), sources=sources, articles=tuple(articles))


class Resources(HTMLParser):
    """What a page would load or run: scripts, stylesheets, images, frames, event handlers."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag in ("script", "img", "iframe", "object", "embed", "link", "style") or "src" in names:
            self.found.append(tag)
        self.found += [name for name in names if name.startswith("on")]


def test_the_html_digest_loads_nothing_and_runs_nothing():
    new, old = story("n", EVIL, 5, text=EVIL + " said the mayor."), story("u", "Flood", 2, 5)
    page = digest_to_html([new], [(old, brief_of(old.articles[1:]))], SINCE)
    parser = Resources()
    parser.feed(page)
    assert parser.found == []
    assert "url(" not in page and "@import" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_html_digest_styles_inline():
    page = digest_to_html([story("n", "Storm", 5)], [], SINCE)
    assert 'style="' in page and "<style" not in page


def test_html_citations_link_to_the_story_source_list_in_the_page():
    page = digest_to_html([story("a", "Storm", 5, 6), story("b", "Fire", 6)], [], SINCE)
    anchors = re.findall(r'href="#([^"]+)"[^>]*>\[\d+\]</a>', page)
    assert anchors == ["story-1-1", "story-2-1"]
    for anchor in anchors:
        assert f'id="{anchor}"' in page
    assert 'href="https://news.example/a/5"' in page  # a source's title links to the original


def test_new_and_updated_stories_are_listed_apart():
    old = story("u", "Flood", 2, 5)
    page = digest_to_markdown([story("n", "Storm", 5)], [(old, brief_of(old.articles[1:]))], SINCE)
    assert page.startswith("# News since 2024-03-04\n\n1 new story and 1 updated.\n")
    assert page.index("## New: Storm") < page.index("## Updated: Flood")
    assert "- 2 articles (1 new), 2024-03-02 to 2024-03-05, from Outlet 2, Outlet 5" in page


def test_the_markdown_digest_cites_as_the_brief_does_without_file_paths():
    page = digest_to_markdown([story("n", "Storm", 5)], [], SINCE)
    assert "The storm hit the coast. [1]" in page
    assert "1. Outlet 5 — “Storm 5” — 2024-03-05 — https://news.example/n/5\n" in page
    assert "/srv/in.jsonl" not in page and "# Storm 5" not in page  # the story's label heads it, not the brief's title


def test_an_update_with_nothing_new_says_so():
    old = story("u", "Flood", 2, 5)
    assert "The new articles repeat what the earlier ones said." in digest_to_markdown([], [(old, None)], SINCE)
    assert "The new articles repeat what the earlier ones said." in digest_to_html([], [(old, None)], SINCE)


def test_an_empty_digest_says_nothing_is_new():
    assert "Nothing new" in digest_to_markdown([], [], SINCE)
    assert "Nothing new" in digest_to_html([], [], SINCE)
