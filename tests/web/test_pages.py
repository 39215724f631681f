"""The pages as HTML: story list, story page with citation links, article page; untrusted text escaped."""

from __future__ import annotations

import re
from html import unescape

from tests.service.conftest import XSS_TEXT, XSS_TITLE


def biggest_story(client) -> dict:
    return max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])


def test_story_list_page(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<meta name="viewport"' in page.text
    story = biggest_story(client)
    filtered = client.get("/", params={"q": max(story["label"].split(), key=len)})
    assert f'href="/stories/{story["id"]}"' in filtered.text
    assert f'{story["size"]} articles' in filtered.text
    total = client.get("/api/stories").json()["total"]
    assert ("Older" in client.get("/").text) == (total > 20)
    assert "Newer" in client.get("/", params={"offset": 1}).text


def test_story_page_citations_link_to_the_cited_sentence(client):
    story = biggest_story(client)
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    for heading in ("Brief", "Sources", "Timeline"):
        assert f">{heading}</h2>" in page.text
    links = [unescape(h) for h in re.findall(r'class="cite" href="([^"]+)"', page.text)]
    assert links
    brief = client.get(f"/api/stories/{story['id']}").json()["brief"]
    for link in links[:5]:
        target = re.match(r"/articles/([^?]+)\?story=[^&]+&start=(\d+)&end=(\d+)#s-(\d+)$", link)
        assert target and target.group(2) == target.group(4)
        article = client.get(link.split("#")[0])
        assert article.status_code == 200
        cited = re.search(r'<span id="s-(\d+)" class="s cited"[^>]*>(.*?)</span>', article.text, re.S)
        assert cited and cited.group(1) == target.group(2)
        assert unescape(cited.group(2)) in {s["text"] for s in brief["sentences"]} or len(cited.group(2)) > 10


def test_whats_new_form_on_the_story_page(client):
    story = biggest_story(client)
    page = client.get(f"/stories/{story['id']}", params={"since": "1990-01-01"})
    assert page.status_code == 200 and "Nothing new" not in page.text
    assert "Nothing new since 2099-01-01" in client.get(f"/stories/{story['id']}", params={"since": "2099-01-01"}).text


def test_unknown_pages_are_html_404(client):
    for path in ("/stories/nope", "/articles/nope"):
        page = client.get(path, headers={"accept": "text/html"})
        assert page.status_code == 404 and "<h1>404</h1>" in page.text and "nope" in page.text


def test_untrusted_text_is_escaped_and_scripts_are_forbidden(empty_client):
    c = empty_client
    response = c.post("/api/articles", json={"id": "xss", "title": XSS_TITLE, "text": XSS_TEXT,
                                             "outlet": "<b>Evil</b> Outlet", "url": "javascript:alert(1)"})
    assert response.status_code == 201, response.text
    story_id = response.json()["results"][0]["story_id"]
    for path in ("/", f"/stories/{story_id}", "/articles/xss"):
        page = c.get(path)
        assert page.status_code == 200
        assert "<script" not in page.text and "onerror=" not in page.text.replace("onerror=&#34;", "")
        assert "<img" not in page.text and "<b>Evil" not in page.text
        assert "javascript:" not in page.text
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp  # no script source at all
    article = c.get("/articles/xss").text
    assert "&lt;script&gt;" in article and "&lt;img src=x onerror=" in article


def test_the_story_page_gives_the_facts_in_the_markdown_briefs_words(client):
    from newsbrief.output.markdown import brief_to_markdown

    story = biggest_story(client)
    page = unescape(re.sub(r"<[^>]+>", "", client.get(f"/stories/{story['id']}").text))
    markdown = brief_to_markdown(client.app.state.newsroom.story(story["id"]).brief)
    facts = markdown.split("## Key figures")[1].split("## Sources")[0]
    lines = [line[2:].replace("**", "") for line in facts.splitlines() if line.startswith("- ") and "newsbrief facts" not in line]
    assert lines and all(line in page for line in lines)
