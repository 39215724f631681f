"""Real inputs -> Articles: saved web pages, RSS/Atom feeds and web archives (WARC).

- `html.extract_html`: one HTML page -> Article (main text, title, outlet, canonical URL,
  author, publication date, language) or Rejected("no article text found");
- `feeds.articles_from_feed`: each entry of an RSS/Atom feed -> Article, a broken entry -> Rejected;
- `warc.articles_from_warc`: each HTML response of a WARC file -> Article, a truncated or
  corrupt record -> Rejected;
- `language.label_language`: the article's language, when the text says it clearly.

`newsbrief.ingest` decides which of these reads a file (by content as well as name); the
pipeline then cleans debris lines from the extracted text like any other article's.
Nothing is imported here: ingest and extract use each other, and trafilatura loads slowly.
"""
