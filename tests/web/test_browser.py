"""The pages in a real browser: Playwright driving Debian's /usr/bin/chromium, headless.

Screenshots of each page go to test-artifacts/ (or $NEWSBRIEF_TEST_ARTIFACTS). Without Chromium
the tests skip, and fail under CI=true (.ci/run installs the Debian package).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, served
from tests.service.conftest import XSS_TEXT, XSS_TITLE

CHROMIUM = os.environ.get("NEWSBRIEF_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("NEWSBRIEF_TEST_ARTIFACTS") or REPO / "test-artifacts")


def _need_chromium():
    if not os.path.exists(CHROMIUM):
        message = f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": CI must provide it")
        pytest.skip(message)


@pytest.fixture(scope="module")
def server(tmp_path_factory, small_input):
    """`newsbrief serve` (uvicorn) on a free loopback port over a store with the small input
    plus an article whose title and text carry script payloads."""
    from newsbrief.config import Settings
    from newsbrief.ingest.files import read_inputs
    from newsbrief.model import Article
    from newsbrief.service.app import create_app
    from newsbrief.service.ingest import Ingestor
    from newsbrief.store import Store

    url = "sqlite:///" + str(tmp_path_factory.mktemp("browser") / "news.db")
    settings = Settings(db=url)
    store = Store(url)
    articles, _ = read_inputs(small_input, settings)
    xss = Article(id="xss", text=XSS_TEXT, title=XSS_TITLE, outlet='<img src=x onerror="window.__xss=1">',
                  url="javascript:window.__xss=1")
    Ingestor(store, settings).add_many([*articles, xss])
    with served(create_app(settings, store)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox cannot run as root
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("dialog", lambda dialog: (page.errors.append("dialog: " + dialog.message), dialog.dismiss()))
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_story_list_then_story_then_citation_lands_on_the_source_sentence(server, page):
    page.goto(server + "/")
    assert page.title().startswith("Stories")
    stories = page.locator("li.story a.label")
    assert stories.count() >= 5
    shot(page, "story-list")
    biggest = max(range(stories.count()), key=lambda i: int(page.locator("li.story .size").nth(i).inner_text().split()[0]))
    label = stories.nth(biggest).inner_text()
    stories.nth(biggest).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == label
    assert page.locator("section.brief a.cite").count() >= 1
    assert page.locator("ol.sources > li").count() >= 1 and page.locator("ol.timeline > li").count() >= 1
    shot(page, "story")

    cite = page.locator("section.brief a.cite").first
    sentence = page.locator("section.brief .bs").first.inner_text()
    cite.click()
    page.wait_for_load_state()
    target = page.locator(":target")
    assert target.count() == 1
    assert "cited" in target.get_attribute("class")
    assert " ".join(target.inner_text().split()) == " ".join(sentence.split())
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and -5 <= box["y"] < 844 and box["y"] + box["height"] > 0  # scrolled into view
    shot(page, "source-sentence")
    assert page.errors == []


def test_desktop_layout(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    width = page.evaluate("document.querySelector('main').getBoundingClientRect().width")
    assert 600 < width < 1000  # a readable column, not the full screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # nothing overflows
    shot(page, "story-list-desktop")
    context.close()


def test_script_payloads_are_shown_as_text_and_run_nothing(server, page):
    page.goto(server + "/articles/xss")
    assert page.evaluate("window.__xss") is None
    text = page.locator("div.text").inner_text()
    assert '<script>window.__xss = 1; alert("xss")</script>' in text and 'onerror="window.__xss=1"' in text
    assert page.locator("h1").inner_text() == XSS_TITLE
    assert page.locator("main script, main img").count() == 0
    shot(page, "xss-article")
    story_link = page.locator("p.back a")
    story_link.click()
    page.wait_for_load_state()
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img, main script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert XSS_TITLE in page.locator("ol.timeline").inner_text()
    shot(page, "xss-story")
    page.goto(server + "/?q=Storm")
    assert page.evaluate("window.__xss") is None
    assert page.errors == []


def test_phone_layout_has_no_horizontal_scroll(server, page):
    page.goto(server + "/")
    first = page.locator("li.story a.label").first.get_attribute("href")
    for path in ("/", first):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_api_docs_load_with_every_other_host_blocked(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere = []

    def only_this_server(route):
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    text = page.locator("body").inner_text()
    assert "/api/articles" in text and "/api/stories" in text
    shot(page, "api-docs")
    context.close()
    assert elsewhere == [] and refused == []
