"""The pages' Jinja2 templates and stylesheet, kept in Python so they ship with the package.

Autoescaping is on for every template: article text, titles and outlets are untrusted input
and are always rendered as text. The pages run no script at all (the CSP forbids any).
"""

from __future__ import annotations

from contextvars import ContextVar

from jinja2 import DictLoader, Environment, StrictUndefined

BASE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{% endblock %} · newsbrief</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="alternate" type="application/atom+xml" title="newsbrief: latest stories" href="/stories.atom">
</head>
<body>
<header class="site"><a class="brand" href="/">newsbrief</a>
<nav><a href="/">Stories</a> <a href="/search">Search</a> <a href="/stories.atom">Feed</a> <a href="/docs">API</a>
{% if signed_in %}<span class="who">Signed in as {{ signed_in }}</span> · <form class="signout" method="post" action="/signout"><input type="hidden" name="csrf" value="{{ csrf }}"><button type="submit">Sign out</button></form>
{% elif not read_only %}<a href="/signin">Sign in</a>{% endif %}</nav></header>
<main>
{% block main %}{% endblock %}
</main>
<footer class="site">Every brief sentence is a sentence of its sources; the [n] markers link to it.</footer>
</body>
</html>
"""

STORIES = """{% extends "base.html" %}
{% block title %}Stories{% endblock %}
{% block main %}
<h1>Stories</h1>
<form class="filters" method="get" action="/" role="search">
  <label>Words <input type="search" name="q" value="{{ q }}" maxlength="500"></label>
  <label>Outlet <input type="text" name="outlet" value="{{ outlet }}" maxlength="500"></label>
  <label>Since <input type="date" name="since" value="{{ since }}"></label>
  <label>Until <input type="date" name="until" value="{{ until }}"></label>
  <button type="submit">Filter</button>
</form>
<p class="count">{{ total }} {{ "story" if total == 1 else "stories" }}{% if total %}, {{ offset + 1 }}–{{ offset + stories|length }} shown{% endif %}</p>
<ol class="stories">
{% for s in stories %}
  <li class="story">
    <a class="label" href="/stories/{{ s.id|urlencode }}">{{ s.label }}</a>
    <div class="meta"><span class="size">{{ s.size }} article{{ "" if s.size == 1 else "s" }}</span>
    {% if s.outlets %}· <span class="outlets">{{ s.outlets[:4]|join(", ") }}{% if s.outlets|length > 4 %} and {{ s.outlets|length - 4 }} more{% endif %}</span>{% endif %}
    {% if s.last %}· <span class="updated">last update <time datetime="{{ s.last }}">{{ s.last }}</time></span>{% endif %}</div>
  </li>
{% else %}
  <li class="empty">No stories{% if q or outlet or since or until %} match these filters{% else %} yet: add articles with <code>newsbrief ingest</code> or POST /api/articles{% endif %}.</li>
{% endfor %}
</ol>
{% include "pages.html" %}
{% endblock %}
"""

STORY = """{% extends "base.html" %}
{% block title %}{{ story.label }}{% endblock %}
{% block main %}
<article class="story-page">
<h1>{{ story.label }}</h1>
<p class="meta">{{ story.articles|length }} article{{ "" if story.articles|length == 1 else "s" }}
{% if row.first %}· <time datetime="{{ row.first }}">{{ row.first }}</time>{% if row.last and row.last != row.first %} – <time datetime="{{ row.last }}">{{ row.last }}</time>{% endif %}{% endif %}
· {{ story.outlets|length }} outlet{{ "" if story.outlets|length == 1 else "s" }}
· <a href="/stories/{{ story.id|urlencode }}.atom" type="application/atom+xml">follow (Atom)</a></p>

<section class="brief" aria-labelledby="brief-h">
<h2 id="brief-h">Brief</h2>
{% if brief %}
<p>{% for sentence in brief.sentences %}<span class="bs">{{ sentence.text }}</span>{% for c in cites[loop.index0] %}<a class="cite" href="{{ c.href }}" title="{{ c.title }}">[{{ c.number }}]</a>{% endfor %} {% endfor %}</p>
{% else %}
<p class="empty">No brief: the articles have no sentence that fits.</p>
{% endif %}
</section>

{% for section in facts %}
<section class="facts {{ section.key }}">
<h2>{{ section.title }}</h2>
<ul>{% for item in section["items"] %}<li>{{ item }}</li>{% endfor %}</ul>
</section>
{% endfor %}

<section class="sources" aria-labelledby="sources-h">
<h2 id="sources-h">Sources</h2>
<ol class="sources">
{% for s in sources %}
  <li id="source-{{ s.number }}" value="{{ s.number }}">
    <a href="/articles/{{ s.id|urlencode }}">{{ s.title or s.id }}</a>
    <span class="meta">{{ s.outlet or "unknown outlet" }}{% if s.published %} · <time datetime="{{ s.published }}">{{ s.published }}</time>{% endif %}{% if s.safe_url %} · <a class="ext" href="{{ s.safe_url }}" rel="noopener noreferrer nofollow">original</a>{% endif %}</span>
    {% if s.copies %}<div class="copies">Also published by:
      <ul>{% for c in s.copies %}<li><a href="/articles/{{ c.id|urlencode }}">{{ c.outlet or c.id }}</a>{% if c.published %} · <time datetime="{{ c.published }}">{{ c.published }}</time>{% endif %}</li>{% endfor %}</ul></div>{% endif %}
  </li>
{% endfor %}
</ol>
</section>

<section class="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<ol class="timeline">
{% for t in story.timeline %}
  <li><time datetime="{{ t.published or '' }}">{{ t.published or "undated" }}</time>
  <a href="/articles/{{ t.article_id|urlencode }}">{{ t.title or t.article_id }}</a>
  <span class="meta">{{ t.outlet or "" }}</span></li>
{% endfor %}
</ol>
</section>

<section class="news" aria-labelledby="news-h">
<h2 id="news-h">What's new since…</h2>
<form method="get" action="/stories/{{ story.id|urlencode }}#news-h"><label>Date <input type="date" name="since" value="{{ since or '' }}" required></label> <button type="submit">Show</button></form>
{% if since %}
  {% if update %}<p>{% for sentence in update.sentences %}<span class="bs">{{ sentence.text }}</span>{% for c in update_cites[loop.index0] %}<a class="cite" href="{{ c.href }}" title="{{ c.title }}">[{{ c.number }}]</a>{% endfor %} {% endfor %}</p>
  {% else %}<p class="empty">Nothing new since {{ since }}.</p>{% endif %}
{% endif %}
</section>
{% include "corrections.html" %}
</article>
{% endblock %}
"""

PAGES = """<nav class="pages">
{% if prev_url %}<a rel="prev" href="{{ prev_url }}">← Newer</a>{% endif %}
{% if next_url %}<a rel="next" href="{{ next_url }}">Older →</a>{% endif %}
</nav>
"""

CORRECTIONS = """<section class="corrections" aria-labelledby="corrections-h">
<h2 id="corrections-h">Corrections</h2>
{% if corrections %}<ul>{% for line in corrections %}<li>{{ line }}</li>{% endfor %}</ul>
{% else %}<p class="empty">No corrections.</p>{% endif %}
{% if read_only %}{% elif not signed_in %}<p><a href="/signin?next=/stories/{{ story.id|urlencode }}">Sign in</a> to correct this story.</p>
{% else %}<details><summary>Correct this story</summary>
<form method="post" action="/stories/{{ story.id|urlencode }}/articles">
<input type="hidden" name="csrf" value="{{ csrf }}">
<fieldset><legend>Articles</legend>
{% for a in story.articles %}<label class="pick"><input type="checkbox" name="articles" value="{{ a.id }}"> {{ a.title or a.id }}{% if a.outlet %} <span class="meta">({{ a.outlet }})</span>{% endif %}</label>
{% endfor %}</fieldset>
<label>Move them to story <input type="text" name="to" maxlength="200" placeholder="a story id; empty: a new story"></label>
<button type="submit" name="action" value="move">Move</button>
<button type="submit" name="action" value="delete">Delete for good</button>
</form>
<form method="post" action="/stories/{{ story.id|urlencode }}/merge">
<input type="hidden" name="csrf" value="{{ csrf }}">
<label>Merge into this story the stories <input type="text" name="stories" maxlength="2000" required placeholder="story ids, separated by spaces"></label>
<button type="submit">Merge</button>
</form>
</details>{% endif %}
</section>
"""

ARTICLE = """{% extends "base.html" %}
{% block title %}{{ article.title or article.id }}{% endblock %}
{% block main %}
<article class="source-article">
<p class="back"><a href="/stories/{{ story_id|urlencode }}">← {{ story_label }}</a></p>
<h1>{{ article.title or article.id }}</h1>
<p class="meta">{{ article.outlet or "unknown outlet" }}{% if article.published %} · <time datetime="{{ article.published }}">{{ article.published }}</time>{% endif %}{% if article.author %} · {{ article.author }}{% endif %}{% if safe_url %} · <a class="ext" href="{{ safe_url }}" rel="noopener noreferrer nofollow">original</a>{% endif %}</p>
{% if copy_of %}<p class="meta">A copy of <a href="/articles/{{ copy_of|urlencode }}">an earlier article</a>.</p>{% endif %}
<div class="text">{% for seg in segments %}{% if seg.anchor %}<span id="s-{{ seg.start }}" class="s{% if seg.cited %} cited{% endif %}"{% if seg.cited %} aria-current="true"{% endif %}>{{ seg.text }}</span>{% else %}{{ seg.text }}{% endif %}{% endfor %}</div>
</article>
{% endblock %}
"""

SEARCH = """{% extends "base.html" %}
{% block title %}{{ "Search: " ~ q if q else "Search" }}{% endblock %}
{% block main %}
<h1>Search articles</h1>
<form class="filters" method="get" action="/search" role="search">
  <label>Words in the title or text <input type="search" name="q" value="{{ q }}" maxlength="500" required></label>
  <button type="submit">Search</button>
</form>
{% if q %}
<p class="count">{{ total }} article{{ "" if total == 1 else "s" }}{% if total %}, {{ offset + 1 }}–{{ offset + results|length }} shown{% endif %}</p>
<ol class="stories results">
{% for r in results %}
  <li class="story">
    <a class="label" href="/articles/{{ r.id|urlencode }}">{{ r.title or r.id }}</a>
    <div class="meta">{{ r.outlet or "unknown outlet" }}{% if r.published %} · <time datetime="{{ r.published }}">{{ r.published }}</time>{% endif %}
    · in <a href="/stories/{{ r.story_id|urlencode }}">{{ labels.get(r.story_id, "its story") }}</a></div>
    <p class="snippet">{{ r.snippet }}</p>
  </li>
{% else %}
  <li class="empty">No article holds every one of these words.</li>
{% endfor %}
</ol>
{% include "pages.html" %}
{% endif %}
{% endblock %}
"""

SIGNIN = """{% extends "base.html" %}
{% block title %}Sign in{% endblock %}
{% block main %}
<h1>Sign in</h1>
{% if read_only %}<p class="error">This server is read-only: it takes no changes, so no one signs in.</p>
{% else %}
{% if signed_in %}<p>You are signed in as {{ signed_in }}; sign in again to change key.</p>{% endif %}
{% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
<form class="signin" method="post" action="/signin">
<input type="hidden" name="csrf" value="{{ signin_csrf }}">
<input type="hidden" name="next" value="{{ next }}">
<label>API key <input type="password" name="key" required maxlength="100" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
<p class="meta">A key is made on the server with <code>newsbrief keys create NAME</code>; it is shown once.</p>
{% endif %}
{% endblock %}
"""

ERROR = """{% extends "base.html" %}
{% block title %}{{ status }}{% endblock %}
{% block main %}
<h1>{{ status }}</h1>
<p class="error">{{ message }}</p>
<p><a href="/">All stories</a></p>
{% endblock %}
"""

STYLE = """
:root { --ink: #1b1b1f; --muted: #5b5d66; --line: #dcdde3; --accent: #0b57d0; --mark: #fff3b0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header.site, main, footer.site { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header.site { display: flex; justify-content: space-between; align-items: baseline; padding-top: .8rem; padding-bottom: .6rem; border-bottom: 1px solid var(--line); }
header.site nav a { margin-left: 1rem; }
header.site nav form.signout { display: inline; }
header.site nav form.signout button { font-size: inherit; padding: 0; border: 0; background: none; color: var(--accent); text-decoration: underline; cursor: pointer; }
.who { margin-left: 1rem; color: var(--muted); }
.brand { font-weight: 700; text-decoration: none; color: var(--ink); }
a { color: var(--accent); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.2rem 0 .4rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
.meta, .count, footer.site { color: var(--muted); font-size: .9rem; }
footer.site { margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--line); padding-top: .8rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: end; margin: .6rem 0; }
form label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, button { font: inherit; padding: .35rem .5rem; max-width: 100%; }
ol.stories { list-style: none; padding: 0; }
li.story { padding: .7rem 0; border-bottom: 1px solid var(--line); }
li.story .label { font-weight: 600; text-decoration: none; overflow-wrap: anywhere; }
nav.pages { display: flex; justify-content: space-between; margin: 1rem 0; }
.brief p { font-size: 1.05rem; }
a.cite { font-size: .8em; text-decoration: none; margin-left: .1em; vertical-align: super; line-height: 0; }
ol.sources li, ol.timeline li { margin: .4rem 0; overflow-wrap: anywhere; }
.copies ul { margin: .2rem 0; }
.source-article .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.source-article .s.cited, .source-article .s:target { background: var(--mark); outline: 2px solid #e0b400; border-radius: 2px; }
.empty, .error { color: var(--muted); }
.results .snippet { margin: .2rem 0 0; font-size: .92rem; overflow-wrap: anywhere; }
.corrections label.pick { display: block; flex-direction: row; color: var(--ink); font-size: .95rem; }
.corrections fieldset { border: 1px solid var(--line); margin: .5rem 0; }
@media (min-width: 60rem) { body { font-size: 18px; } header.site, main, footer.site { max-width: 50rem; } }
"""

environment = Environment(
    loader=DictLoader({"base.html": BASE, "stories.html": STORIES, "story.html": STORY, "article.html": ARTICLE, "corrections.html": CORRECTIONS, "pages.html": PAGES,
                       "error.html": ERROR, "signin.html": SIGNIN, "search.html": SEARCH}),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=False,
)


PAGE_DEFAULTS = {"csrf": "", "signed_in": None, "read_only": False}
page_context: ContextVar[dict] = ContextVar("page_context", default=PAGE_DEFAULTS)
"""What every page is rendered with: who signed in, the forms' CSRF token, whether the server
takes changes. Set for each request by the sign-in middleware (`newsbrief.service.auth`)."""


def render(name: str, **context) -> str:
    return environment.get_template(name).render(**{**page_context.get(), **context})
