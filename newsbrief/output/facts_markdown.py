"""The facts of a story as Markdown sections: key figures, disagreements, quotes, who and where, timeline.

Every item ends with the [n] markers of the articles that carry it, like the brief's sentences.
With a `limit`, each section shows its first `limit` items (figures in a disagreement and
attributed figures first) and says how many more `newsbrief facts` would list.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsbrief.model import Disagreement, Entity, Facts, Figure, Quote, TimelineEvent

KIND_HEADINGS = {"person": "People", "organisation": "Organisations", "place": "Places", "name": "Names"}
DISAGREEMENT_LABELS = {"conflict": "sources disagree", "development": "changed over time",
                       "unordered": "differs across articles of unknown date"}


def facts_to_markdown(facts: Facts, numbers: Mapping[str, int], limit: int | None = None) -> list[str]:
    """Markdown lines for `facts`; `numbers` maps article ids to their [n] source numbers."""
    lines: list[str] = []
    for heading, shown, more in fact_sections(facts, numbers, limit):
        lines += [f"## {heading}", "", *(f"- {line}" for line in shown)]
        if more:
            lines.append(f"- … and {more} more (`newsbrief facts` lists them all)")
        lines.append("")
    for note in facts.notes:
        lines += [f"_Note: {note}_", ""]
    return lines


def fact_sections(facts: Facts, numbers: Mapping[str, int], limit: int | None = None) -> list[tuple[str, list[str], int]]:
    """(heading, the lines shown, how many more there are) of each facts section that has items:
    the one wording of the facts, for the Markdown brief and the web page alike."""
    near_events = sum(not e.aside for e in facts.timeline)  # past events far from the story come last, unshown
    sections = [  # (heading, every line, the most a brief shows; None: all)
        ("Key figures", [_figure(f, numbers) for f in rank_figures(facts)], limit),
        ("Disagreements", [_disagreement(d, numbers) for d in facts.disagreements], limit),
        ("Quotes", [_quote(q, numbers) for q in facts.quotes], limit),
        ("Who and where", _entities(facts.entities, limit), None),  # one line a kind, each already limited
        ("Timeline", [_event(e, numbers) for e in _timeline(facts.timeline, limit)],
         None if limit is None else min(limit, near_events)),
    ]
    return [(heading, items[:most], len(items) - len(items[:most])) for heading, items, most in sections if items[:most]]


def _timeline(events: tuple[TimelineEvent, ...], limit: int | None) -> list[TimelineEvent]:
    """With a limit, the story's own days first (not background, day-precise, carried by most
    articles), then in date order; a past event far from the story (`TimelineEvent.aside`) last,
    where a brief does not show it."""
    if limit is None:
        return list(events)
    order = {id(e): i for i, e in enumerate(events)}
    near = [e for e in events if not e.aside]
    chosen = sorted(near, key=lambda e: (e.background, e.precision != "day", -len(e.mentions), order[id(e)]))[:limit]
    return sorted(chosen, key=lambda e: order[id(e)]) + [e for e in events if e not in chosen]


def rank_figures(facts: Facts) -> list[Figure]:
    """The figures a reader is shown: those in a disagreement first, then those that say what they
    count (`Figure.counts_something`: a bare "**two**" or "**eight days**" tells a reader nothing)
    and are more than a few things nothing happened to (`_few_things`), in sentences about the story
    (not `Figure.aside`);
    the story's own before those of past events (`Figure.background`), attributed ones first,
    then those most articles carry; text order otherwise. The JSON
    lists every figure."""
    disputed = {id(f) for d in facts.disagreements for f in d.figures}
    order = {id(f): i for i, f in enumerate(facts.figures)}
    shown = [f for f in facts.figures if id(f) in disputed or f.counts_something and not f.aside and not _few_things(f)]
    return sorted(shown, key=lambda f: (id(f) not in disputed, f.background, not f.counts, f.source is None,
                                        -len(f.articles), order[id(f)]))


def _few_things(figure: Figure) -> bool:
    """One, two or three of something that nothing happened to ("two ships", "one reason"): a detail
    of a sentence, not a key figure; "two people killed" is one."""
    return figure.unit is None and figure.event is None and not figure.vague and figure.high is None and figure.value <= 3


def markers(mentions, numbers: Mapping[str, int]) -> str:
    return "".join(f"[{n}]" for n in sorted({numbers[m.article_id] for m in mentions if m.article_id in numbers}))


def describe_figure(figure: Figure) -> str:
    """"people fled: **An estimated 10,000** (over the weekend)"."""
    text = f"**{figure.text}**"
    counts = figure.counts
    if counts and counts.lower() not in figure.text.lower():
        text = f"{counts}: {text}"
    if figure.when:
        text += f" ({figure.when})"
    return text


def describe_source(figure: Figure) -> str:
    source = figure.source
    if source is None:
        return "no source given"
    words = source.name
    details = []
    if source.phrase and source.phrase.lower() != source.name.lower():
        details.append(f"“{_shorten(source.phrase, 80)}”")
    details += [f"backed by {other}" for other in source.also]
    return f"{words} ({'; '.join(details)})" if details else words


def _figure(figure: Figure, numbers) -> str:
    return f"{describe_figure(figure)} — {describe_source(figure)} {markers(figure.mentions, numbers)}"


def _disagreement(disagreement: Disagreement, numbers) -> str:
    label = DISAGREEMENT_LABELS.get(disagreement.kind, disagreement.kind)
    joiner = " → " if disagreement.kind == "development" else " vs "
    parts = []
    dates = disagreement.dates or (None,) * len(disagreement.figures)
    for figure, day in zip(disagreement.figures, dates):
        who = figure.source.name if figure.source else "no source given"
        when = f", {day.isoformat()}" if day else ""
        parts.append(f"{figure.text} ({who}{when}) {markers(figure.mentions, numbers)}")
    return f"**{disagreement.counts}** — {label}: " + joiner.join(parts)


def _quote(quote: Quote, numbers) -> str:
    speaker = quote.speaker or "speaker not named"
    if quote.role:
        speaker += f", {quote.role}"
    return f"“{_shorten(quote.text, 300)}” — {speaker} {markers(quote.mentions, numbers)}"


def _entities(entities: tuple[Entity, ...], limit: int | None) -> list[str]:
    """With a limit (a brief), the names the story mentions more than once: a name seen once is
    minor, and the small NER model's errors are mostly there; `newsbrief facts` lists them all."""
    lines = []
    for kind, heading in KIND_HEADINGS.items():
        of_kind = [e for e in entities if e.kind == kind]
        if not of_kind:
            continue
        recurring = [e for e in of_kind if e.mentions > 1] or of_kind
        shown = of_kind if limit is None else recurring[:limit]
        items = [_entity(e) for e in shown]
        more = f", … and {len(of_kind) - len(shown)} more" if len(shown) < len(of_kind) else ""
        lines.append(f"{heading}: " + "; ".join(items) + more)
    return lines


def _entity(entity: Entity) -> str:
    articles = len(entity.articles)
    text = f"{entity.name} ({entity.mentions} mention{'s' if entity.mentions != 1 else ''}"
    text += f" in {articles} article{'s' if articles != 1 else ''}"
    others = [s for s in entity.spellings if s != entity.name]
    if others:
        text += "; also " + ", ".join(f"“{s}”" for s in others)
    return text + ")"


def _event(event: TimelineEvent, numbers) -> str:
    """"2016-11-15 (November 15): …" when the date resolves, else "November 15 (date unknown): …"."""
    if event.date is None:
        when = f"{event.when} (date unknown)"
    elif event.precision == "month":
        when = f"{event.date.strftime('%Y-%m')} ({event.when})"
    elif event.precision == "year":
        when = f"{event.date.year} ({event.when})"
    else:
        when = f"{event.date.isoformat()} ({event.when})"
    return f"{when}: {_shorten(event.text, 240)} {markers(event.mentions, numbers)}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
