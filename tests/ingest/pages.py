"""Builders for extraction tests: web pages, RSS/Atom feeds and WARC archives made in memory."""

from __future__ import annotations

import io
from html import escape

from newsbrief.config import Settings

SETTINGS = Settings()
STORY = [
    "Syrian government forces made significant gains in eastern Aleppo on Sunday, taking several "
    "districts that rebels had held for four years, a monitoring group said.",
    "Rebels said they had withdrawn from the districts after days of heavy shelling and air strikes "
    "that killed dozens of civilians and destroyed the last working hospital in the area.",
    "Thousands of residents fled towards the government-held west of the city overnight, carrying what "
    "they could, while aid agencies warned that food and medicine were running out.",
    "The United Nations called for an immediate pause in the fighting so that the wounded could be "
    "evacuated and supplies delivered to those who remained.",
]
GERMAN = [
    "Die syrischen Regierungstruppen haben am Sonntag im Osten von Aleppo mehrere Stadtteile erobert, "
    "die Rebellen seit vier Jahren gehalten hatten, teilte eine Beobachtungsstelle mit.",
    "Tausende Bewohner flohen in der Nacht in den von der Regierung kontrollierten Westen der Stadt, "
    "während Hilfsorganisationen vor knappen Lebensmitteln und Medikamenten warnten.",
]


def web_page(paragraphs=STORY, *, title="Government forces take eastern Aleppo districts", head="",
             lang="en", byline="") -> str:
    """A news page as sites publish them: menus, a headline, the article, related links, a footer."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/story/{n}">Related story number {n} about something else</a></li>' for n in range(8))
    menu = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in ("World", "Politics", "Business", "Sport"))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)} | Example News</title>{head}</head>
<body><header><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{escape(title)}</h1>{byline}
{body}
</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>Copyright 2016 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def meta_head(*, site="Example News", url="https://news.example.com/world/aleppo-gains",
              published="2016-12-04T18:30:00Z", author="Jane Roe") -> str:
    """The OpenGraph and article meta tags of a news page."""
    tags = [f'<link rel="canonical" href="{url}">', f'<meta property="og:site_name" content="{site}">',
            f'<meta property="article:published_time" content="{published}">', f'<meta name="author" content="{author}">']
    return "".join(tags)


def rss(*items: dict, title="Example News") -> bytes:
    """An RSS 2.0 feed; each item's keys are element names (`content` becomes content:encoded)."""
    entries = []
    for item in items:
        parts = []
        for name, value in item.items():
            if name == "content":
                parts.append(f"<content:encoded><![CDATA[{value}]]></content:encoded>")
            else:
                parts.append(f"<{name}>{escape(value)}</{name}>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>{escape(title)}</title><link>https://news.example.com/</link>{''.join(entries)}"
            f"</channel></rss>").encode()


def atom(*entries: dict, title="Example Atom News") -> bytes:
    """An Atom feed; each entry's keys are element names (`content` is HTML, `link` an href)."""
    built = []
    for entry in entries:
        parts = []
        for name, value in entry.items():
            if name == "link":
                parts.append(f'<link href="{escape(value)}"/>')
            elif name == "content":
                parts.append(f'<content type="html">{escape(value)}</content>')
            elif name == "author":
                parts.append(f"<author><name>{escape(value)}</name></author>")
            else:
                parts.append(f"<{name}>{escape(value)}</{name}>")
        built.append("<entry>" + "".join(parts) + "</entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:example</id><updated>2016-12-05T10:00:00Z</updated>"
            f"{''.join(built)}</feed>").encode()


def warc(*records: tuple, compress: bool = True) -> bytes:
    """A WARC archive of (url, payload bytes, content type[, HTTP status]) responses, after a warcinfo record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "newsbrief tests"}))
    for url, payload, content_type, *status in records:
        headers = StatusAndHeaders(status[0] if status else "200 OK", [("Content-Type", content_type)],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()
