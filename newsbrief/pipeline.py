"""The stages in order: read -> clean -> summarize -> Brief.

Every stage takes and returns data objects; inputs that cannot be used become
`Rejected` records that travel with the brief to the user.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from newsbrief.clean.article import clean_article
from newsbrief.config import Settings
from newsbrief.errors import NothingToSummarize, failure_reason, show_traceback_when_debugging
from newsbrief.facts import extract_facts
from newsbrief.extract.language import in_languages
from newsbrief.ingest.files import read_inputs
from newsbrief.model import Article, Brief, Rejected, Source, in_canonical_order
from newsbrief.summarize import make_summarizer


def brief_from_inputs(inputs: Iterable, settings: Settings) -> Brief:
    """Read paths and/or Articles, then brief them; unusable inputs are listed in `Brief.rejected`."""
    articles, rejected = read_inputs(list(inputs), settings)
    return brief_articles(articles, settings, rejected)


def brief_articles(articles: Sequence[Article], settings: Settings, rejected: Sequence[Rejected] = (), *,
                   known: Sequence[str] = (), copies: Mapping[str, Sequence[str]] | None = None) -> Brief:
    """Clean the articles and summarize them into a cited brief.

    `known`: texts the reader has already seen (an update brief keeps only what adds to them);
    `copies`: article id -> outlets that republished it, listed once with its source entry.
    """
    articles = in_canonical_order(articles)  # a brief is a function of the set of articles, not their order
    articles, skipped = in_languages(articles, settings.languages)  # the scorers and debris rules are English
    cleaned, rejected = clean_articles(articles, [*rejected, *skipped])
    if not cleaned:
        raise NothingToSummarize(nothing_message(rejected))
    sentences = make_summarizer(settings).summarize(cleaned, known)
    if not sentences and not known:  # only very short sentences: accept any length rather than say nothing
        sentences = make_summarizer(settings.with_overrides(min_sentence_words=1)).summarize(cleaned)
    if not sentences:
        raise NothingToSummarize("no sentence in the articles fits the word budget "
                                 f"of {settings.words} words")
    sources = tuple(
        Source(number=n, article_id=a.id, path=a.path, outlet=a.outlet, title=a.title, url=a.url,
               published=a.published, words=len(a.text.split()),
               also_published_by=tuple((copies or {}).get(a.id, ())))
        for n, a in enumerate(cleaned, start=1)
    )
    return Brief(
        title=_brief_title(cleaned, sentences), sentences=tuple(sentences), sources=sources,
        articles=tuple(cleaned), rejected=tuple(rejected), settings=settings.as_dict(),
        facts=extract_facts(cleaned, settings) if settings.facts else None,
    )


def clean_articles(articles: Sequence[Article], rejected: list[Rejected]) -> tuple[list[Article], list[Rejected]]:
    """Cleaned articles with body text left; the others become Rejected ("only debris", or the
    reason cleaning failed: one article's failure never ends the run)."""
    cleaned = []
    for article in articles:
        source = article.id if article.path in (None, article.id) else f"{article.path} (id {article.id})"
        try:
            article = article if article.cleaned else clean_article(article)
        except Exception as err:  # noqa: BLE001
            show_traceback_when_debugging()
            rejected.append(Rejected(source, "clean", failure_reason(err)))
            continue
        if article.text.strip():
            cleaned.append(article)
        else:
            rejected.append(Rejected(source, "clean", "no article text left after removing debris"))
    return cleaned, rejected


def _brief_title(articles: Sequence[Article], sentences) -> str | None:
    """The title of the article the brief cites most (ties: the earlier article)."""
    order = {a.id: i for i, a in enumerate(articles)}
    cited = Counter(span.article_id for s in sentences for span in s.sources)
    titled = [a for a in articles if a.title]
    if not titled:
        return None
    return max(titled, key=lambda a: (cited[a.id], -order[a.id])).title


def nothing_message(rejected: Sequence[Rejected]) -> str:
    """Why nothing could be briefed: the one reason, or how many inputs failed and the first."""
    if not rejected:
        return "no articles given"
    if len(rejected) == 1:
        return str(rejected[0])
    return f"no usable article among {len(rejected)} inputs (first: {rejected[0]})"
