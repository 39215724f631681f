"""One small file of every input kind newsbrief reads, built from the bundled example's two
articles (no ../shared needed): a saved page, the same gzip'ed, a WARC crawl, an RSS and an
Atom feed, a JSONL dump, and a binary file named `.html` that must be skipped.

Used by the tests and, as a script, by .ci/run against the quickstart's install:
`python3 tests/every_kind.py OUT_DIR` writes the files and prints their paths.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from html import escape
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aleppo"
KINDS = ("page.html", "page.html.gz", "crawl.warc.gz", "feed.rss", "feed.atom", "articles.jsonl")
NOT_A_PAGE = "photo.html"  # PNG bytes behind an .html name


def example_articles() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the bundled example's articles: the longest line is not the title."""
    articles = []
    for path in sorted(EXAMPLE.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        title = next(p for p in paragraphs if 20 < len(p) < 90 and p[-1].isalnum())
        articles.append((title, [p for p in paragraphs if p != title]))
    return articles


def page(title: str, paragraphs: list[str], url: str) -> str:
    menu = "".join(f'<li><a href="/{n}">{n.title()}</a></li>' for n in ("world", "politics", "sport"))
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="Example News">'
            '<meta property="article:published_time" content="2016-11-28T10:00:00Z"></head>'
            f"<body><nav><ul>{menu}</ul></nav><article><h1>{escape(title)}</h1>\n{body}\n</article>"
            "<footer>Copyright 2016 Example News</footer></body></html>")


def warc(url: str, html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                  http_headers=headers))
    return out.getvalue()


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(f"<item><title>{escape(t)}</title><link>{u}</link><pubDate>Mon, 28 Nov 2016 10:00:00 GMT</pubDate>"
                      f"<description>{escape(h)}</description></item>" for t, u, h in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>{entries}</channel></rss>'


def atom(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(f'<entry><title>{escape(t)}</title><link href="{u}"/><id>{u}</id>'
                      f"<published>2016-11-28T10:00:00Z</published><content type=\"html\">{escape(h)}</content></entry>"
                      for t, u, h in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example Atom News</title>{entries}</feed>")


def write_every_kind(folder: Path) -> dict[str, Path]:
    """The files, by name (KINDS and NOT_A_PAGE), written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = example_articles()
    urls = [f"https://news.example.com/aleppo/{n}" for n in range(len(articles))]
    fragments = ["".join(f"<p>{escape(p)}</p>" for p in paragraphs) for _, paragraphs in articles]
    first = page(articles[0][0], articles[0][1], urls[0])
    contents = {
        "page.html": first.encode(),
        "page.html.gz": gzip.compress(page(articles[1][0], articles[1][1], urls[1]).encode(), mtime=0),
        "crawl.warc.gz": warc(urls[0], first),
        "feed.rss": rss([(t, u, h) for (t, _), u, h in zip(articles, urls, fragments)]).encode(),
        "feed.atom": atom([(t, u, h) for (t, _), u, h in zip(articles, urls, fragments)]).encode(),
        "articles.jsonl": "".join(json.dumps({"id": f"a{n}", "title": t, "text": "\n\n".join(p), "url": u,
                                              "published": "2016-11-28", "source": "Example News"}) + "\n"
                                  for n, ((t, p), u) in enumerate(zip(articles, urls))).encode(),
        NOT_A_PAGE: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    }
    paths = {}
    for name, data in contents.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 tests/every_kind.py OUT_DIR")
    for name, path in write_every_kind(Path(sys.argv[1])).items():
        print(path)
