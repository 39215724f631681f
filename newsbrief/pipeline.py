"""The stages in order: read -> clean -> segment -> dedup (a Document) -> summarize + facts -> Brief.

Every stage takes and returns data objects; inputs that cannot be used become `Rejected`
records that travel with the brief to the user. `prepare` builds the Document once; the
summarizer, the facts and the stories only read it. Stories get their briefs here too
(`brief_stories`, `update_brief`): the grouping itself (`newsbrief.stories`) never summarizes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from newsbrief.clean.article import clean_article
from newsbrief.clean.boilerplate import is_page_furniture
from newsbrief.clean.language import in_languages
from newsbrief.config import Settings
from newsbrief.dedup.sentences import near_copy_groups
from newsbrief.errors import NothingToSummarize, failure_reason, show_traceback_when_debugging
from newsbrief.facts import extract_facts
from newsbrief.ingest.files import read_inputs
from newsbrief.model import Article, Brief, Document, Rejected, Sentence, Source, Story, in_canonical_order
from newsbrief.segment.sentences import segment_article
from newsbrief.summarize import make_summarizer


def brief_from_inputs(inputs: Iterable, settings: Settings) -> Brief:
    """Read paths and/or Articles, then brief them; unusable inputs are listed in `Brief.rejected`."""
    articles, rejected = read_inputs(list(inputs), settings)
    return brief_articles(articles, settings, rejected)


def brief_articles(articles: Sequence[Article], settings: Settings, rejected: Sequence[Rejected] = (), *,
                   known: Sequence[str] = (), copies: Mapping[str, Sequence[str]] | None = None,
                   cleaned: bool = False) -> Brief:
    """Prepare the articles and summarize them into a cited brief.

    `known`: texts the reader has already seen (an update brief keeps only what adds to them);
    `copies`: article id -> outlets that republished it, listed once with its source entry;
    `cleaned`: the articles are cleaned already (stored ones), so cleaning is not run again.
    """
    return brief_document(prepare(articles, settings, rejected, cleaned=cleaned), settings, known=known, copies=copies)


def prepare(articles: Sequence[Article], settings: Settings, rejected: Sequence[Rejected] = (), *,
            cleaned: bool = False) -> Document:
    """The Document of a set of articles: canonical order, languages, cleaning, sentences, near-copies.

    A brief is a function of the set of articles, not their order; the scorers and debris rules
    are English, so an article confidently in another language is skipped.
    """
    articles = distinct_ids(in_canonical_order(articles))
    articles, skipped = in_languages(articles, settings.languages)
    rejected = [*rejected, *skipped]
    if not cleaned:
        articles, rejected = clean_articles(articles, rejected)
    sentences = tuple(s for a in articles for s in article_sentences(a))
    body = [i for i, s in enumerate(sentences) if not s.is_heading and not s.furniture]
    groups = near_copy_groups([sentences[i].text for i in body], settings.near_copy)
    return Document(articles=tuple(articles), sentences=sentences,
                    copy_groups=tuple(tuple(body[j] for j in group) for group in groups), rejected=tuple(rejected))


def distinct_ids(articles: Sequence[Article]) -> list[Article]:
    """The articles, each id once: a repeated id (two files that both number records from 1) is
    qualified by the article's file (`ID@FILE`), else by its place (`ID#2`), so citations and
    sentences never mix two articles up."""
    if len({a.id for a in articles}) == len(articles):
        return list(articles)
    taken, out = set(), []
    for article in articles:
        new = article.id
        if new in taken:
            new = f"{article.id}@{article.path}" if article.path and article.path != article.id else f"{article.id}#2"
            n = 2
            while new in taken:
                n += 1
                new = f"{article.id}#{n}"
        taken.add(new)
        out.append(article if new == article.id else replace(article, id=new))
    return out


def article_sentences(article: Article) -> list[Sentence]:
    """The sentences of a cleaned article, page furniture flagged: the one place text is split."""
    return [replace(s, furniture=True) if is_page_furniture(s.text) else s
            for s in segment_article(article)]


def brief_document(doc: Document, settings: Settings, *, known: Sequence[str] = (),
                   copies: Mapping[str, Sequence[str]] | None = None) -> Brief:
    """The cited brief of a prepared Document (see `brief_articles`)."""
    if not doc.articles:
        raise NothingToSummarize(nothing_message(doc.rejected))
    sentences = make_summarizer(settings).summarize(doc, known)
    if not sentences and not known:  # only very short sentences: accept any length rather than say nothing
        sentences = make_summarizer(settings.with_overrides(min_sentence_words=1)).summarize(doc)
    if not sentences:
        raise NothingToSummarize("no sentence in the articles fits the word budget "
                                 f"of {settings.words} words")
    sources = source_list(doc.articles, copies)
    return Brief(
        title=_brief_title(doc.articles, sentences), sentences=tuple(sentences), sources=sources,
        articles=doc.articles, rejected=doc.rejected, settings=settings.as_dict(),
        facts=extract_facts(doc, settings) if settings.facts else None,
    )


def source_list(articles: Sequence[Article], copies: Mapping[str, Sequence[str]] | None = None) -> tuple[Source, ...]:
    """The numbered source list of a brief (or of a story's facts): [n] is the n-th article."""
    return tuple(
        Source(number=n, article_id=a.id, path=a.path, outlet=a.outlet, title=a.title, url=a.url,
               published=a.published, words=len(a.text.split()),
               also_published_by=tuple((copies or {}).get(a.id, ())))
        for n, a in enumerate(articles, start=1)
    )


def clean_articles(articles: Sequence[Article], rejected: list[Rejected]) -> tuple[list[Article], list[Rejected]]:
    """Cleaned articles with body text left; the others become Rejected ("only debris", or the
    reason cleaning failed: one article's failure never ends the run)."""
    cleaned = []
    for article in articles:
        source = article.id if article.path in (None, article.id) else f"{article.path} (id {article.id})"
        try:
            article = clean_article(article)
        except Exception as err:  # noqa: BLE001
            show_traceback_when_debugging()
            rejected.append(Rejected(source, "clean", failure_reason(err)))
            continue
        if article.text.strip():
            cleaned.append(article)
        else:
            rejected.append(Rejected(source, "clean", "no article text left after removing debris"))
    return cleaned, rejected


def brief_stories(articles: Sequence[Article], settings: Settings, *, brief: bool = True, cleaned: bool = False,
                  progress: Callable[[str], None] | None = None) -> list[Story]:
    """Group articles into stories (`stories.group_stories`) and brief each one (`cleaned`: as
    for `brief_articles`)."""
    from newsbrief.stories import group_stories  # heavy: datasketch (scipy) loads in 0.4 s, a brief never needs it

    say = progress or (lambda message: None)
    stories = group_stories(articles, settings, progress=say)
    if not brief:
        return stories
    briefed = []
    for number, story in enumerate(stories, 1):
        say(f"briefing story {number:,} of {len(stories):,}")
        briefed.append(with_brief(story, settings, cleaned=cleaned))
    return briefed


def with_brief(story: Story, settings: Settings, *, cleaned: bool = False) -> Story:
    """The story with its brief: each syndicated group is summarized once, as its original
    (None when nothing in it can be briefed)."""
    copies = {c for g in story.syndicated for c in g.copies}
    by_id = {a.id: a for a in story.articles}
    also = {g.original: [by_id[c].outlet or by_id[c].id for c in g.copies] for g in story.syndicated}
    try:
        brief = brief_articles([a for a in story.articles if a.id not in copies], settings, copies=also, cleaned=cleaned)
    except NothingToSummarize:
        brief = None
    return replace(story, brief=brief)


def update_brief(story: Story, since: date | Brief, settings: Settings | None = None, *,
                 cleaned: bool = False) -> Brief | None:
    """What is new in a story since a date or since an earlier brief: None when nothing is.

    Since a date: articles published after it are summarized, leaving out every sentence that
    the articles up to that date already carried. Since a brief: the articles it did not cover
    are summarized, leaving out what it and its articles said. The update is sentences only: the
    story's own brief carries the facts of all its articles, the new ones included.
    """
    settings = (settings or Settings()).with_overrides(facts=False)
    if isinstance(since, Brief):
        seen = {a.id for a in since.articles} | {s.article_id for s in since.sources}
        earlier = [a for a in story.articles if a.id in seen]
        later = [a for a in story.articles if a.id not in seen]
        known = [s.text for s in since.sentences]
    else:
        earlier = [a for a in story.articles if a.published is not None and a.published <= since]
        later = [a for a in story.articles if a.published is None or a.published > since]
        known = []
    copies = {c for g in story.syndicated for c in g.copies}
    later = [a for a in later if a.id not in copies]
    if not later:
        return None
    earlier = earlier if cleaned else clean_articles(earlier, [])[0]
    known = known + [s.text for a in earlier for s in article_sentences(a)]
    try:
        return brief_articles(later, settings, known=known, cleaned=cleaned)
    except NothingToSummarize:
        return None


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
