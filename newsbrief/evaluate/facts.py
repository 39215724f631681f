"""Precision and recall of figures, their sources and quote speakers against hand annotations.

The annotations (`tests/data/facts/annotations.jsonl`, described in the README next to them)
cover whole articles of the giveme5w1h news-cluster set, minus the paragraphs each scope
record excludes. Each event's annotated articles are one story for `extract_facts`.

Matching, all within one article and its annotated scope (offsets into the cleaned text):
- a predicted figure matches a gold figure when their spans overlap and the values agree
  (the lower end for a range; relative difference below 1e-6, or 0.005 for fractions);
  one-to-one, in text order;
- a predicted quote matches a gold quote when their spans overlap by at least half of the
  shorter one;
- a source (or speaker) agrees when, after lowercasing and dropping articles, punctuation and
  small words, the words of the predicted name contain those of the gold name or of one of
  its aliases, or the other way round ("the Slidell police" ~ "police").
Source and speaker scores are over matched figures and quotes: precision = agreeing / predicted
with a source, recall = agreeing / gold with a source, so they measure attribution, not finding.
Gold items in a line the cleaner removes as debris are not scored (`Evaluation.removed` counts them).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsbrief.clean.article import clean_article
from newsbrief.config import Settings
from newsbrief.facts.extract import extract_facts
from newsbrief.model.facts import Facts
from newsbrief.model import Article
from newsbrief.pipeline import prepare
from newsbrief.segment.sentences import split_sentences

_SMALL_WORDS = frozenset("the a an of for in at on by and to from with s".split())


@dataclass(frozen=True)
class Score:
    """Matched, predicted and gold counts of one measure."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Scores for figures, sources, quotes and speakers, and the errors behind them."""

    figures: Score
    sources: Score
    quotes: Score
    speakers: Score
    events: int
    articles: int
    removed: int = 0  # gold figures/quotes in lines the cleaner removes (not scored)
    errors: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, Score]]:
        return [("figures", self.figures), ("figure sources", self.sources), ("quotes", self.quotes),
                ("quote speakers", self.speakers)]


def load_annotations(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(cluster_path: str | Path, ids: Iterable[str]) -> dict[str, Article]:
    """The annotated articles of the giveme5w1h news_cluster.jsonl, as Articles (dates and outlets kept)."""
    wanted = set(ids)
    found = {}
    with open(cluster_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in wanted:
                published = record.get("date_publish")
                found[record["id"]] = Article(
                    id=record["id"], text=record["text"], title=record.get("title"), url=record.get("url"),
                    outlet=record.get("source_domain"),
                    published=date.fromisoformat(published[:10]) if published else None,
                )
    return found


def evaluate(annotations: list[dict], articles: dict[str, Article], settings: Settings | None = None,
             split: str | None = None) -> Evaluation:
    """Run `extract_facts` on each annotated event and score it against the annotations (of `split`, or all)."""
    settings = settings or Settings()
    if split is not None:
        annotations = [a for a in annotations if a.get("split") == split]
    scopes = [a for a in annotations if a["type"] == "scope"]
    by_event: dict[int, list[str]] = defaultdict(list)
    for scope in scopes:
        by_event[scope["event_id"]].append(scope["article_id"])
    cleaned = {i: clean_article(articles[i]) for scope in scopes for i in [scope["article_id"]]}
    facts: dict[str, Facts] = {}
    for ids in by_event.values():
        story = extract_facts(prepare([cleaned[i] for i in ids], settings.with_overrides(languages=""), cleaned=True), settings)
        for i in ids:
            facts[i] = story
    counts = defaultdict(int)
    errors: list[str] = []
    for scope in scopes:
        article_id = scope["article_id"]
        text = cleaned[article_id].text
        spans = _scope_spans(articles[article_id].text, text, scope["paragraphs"])
        gold_figures = [a for a in annotations if a["type"] == "figure" and a["article_id"] == article_id]
        gold_quotes = [a for a in annotations if a["type"] == "quote" and a["article_id"] == article_id]
        _score_figures(facts[article_id], article_id, text, spans, gold_figures, counts, errors)
        _score_quotes(facts[article_id], article_id, text, spans, gold_quotes, counts, errors)
    return Evaluation(
        figures=Score(counts["fig_ok"], counts["fig_pred"], counts["fig_gold"]),
        sources=Score(counts["src_ok"], counts["src_pred"], counts["src_gold"]),
        quotes=Score(counts["quote_ok"], counts["quote_pred"], counts["quote_gold"]),
        speakers=Score(counts["spk_ok"], counts["spk_pred"], counts["spk_gold"]),
        events=len(by_event), articles=len(scopes), removed=counts["removed"], errors=errors,
    )


def names_agree(predicted: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """Whether a predicted source/speaker name agrees with the gold name or one of its aliases."""
    if not predicted or not gold:
        return False
    words = _name_words(predicted)
    if not words:
        return False
    for name in (gold, *aliases):
        other = _name_words(name)
        if other and (other <= words or words <= other):
            return True
    return False


def _name_words(name: str) -> set[str]:
    name = re.sub(r"['’]s\b", "", name.lower())
    return {w for w in re.findall(r"[a-z0-9]+", name) if w not in _SMALL_WORDS}


def _scope_spans(raw: str, cleaned: str, paragraphs: list[int]) -> list[tuple[int, int]]:
    """Where the annotated paragraphs' sentences lie in the cleaned text."""
    lines = raw.split("\n")
    spans = []
    for p in paragraphs:
        line = lines[p]
        for s, e in split_sentences(line):
            at = cleaned.find(line[s:e])
            if at >= 0:
                spans.append((at, at + e - s))
    return spans


def _in_scope(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


def _locate(text: str, sentence: str, part: str) -> tuple[int, int] | None:
    at = text.find(sentence)
    if at < 0:
        return None
    inner = sentence.find(part)
    return at + inner, at + inner + len(part)


def _values_agree(a: float, b: float) -> bool:
    if abs(a) < 1 and abs(b) < 1:
        return abs(a - b) < 0.005
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def _present(text: str, gold: list[dict], key: str, counts) -> list[dict]:
    """The gold items still in the text (cleaning may remove their sentence); the rest are counted."""
    present = [g for g in gold if _locate(text, g["sentence"], g[key]) is not None]
    counts["removed"] += len(gold) - len(present)
    return present


def _score_name(got: str | None, want: str | None, aliases, key: str, counts) -> bool:
    """Count a found source or speaker against the gold one; False if they disagree."""
    if got:
        counts[f"{key}_pred"] += 1
    if names_agree(got, want, aliases):
        counts[f"{key}_ok"] += 1
        return True
    return not (got or want)


def _score_figures(facts: Facts, article_id, text, spans, gold, counts, errors) -> None:
    predicted = sorted(
        {(m.start, m.end): f for f in facts.figures for m in f.mentions
         if m.article_id == article_id and _in_scope(m.start, spans)}.items())
    gold = _present(text, gold, "text", counts)
    counts["fig_pred"] += len(predicted)
    counts["fig_gold"] += len(gold)
    used: set[int] = set()
    for g in gold:
        where = _locate(text, g["sentence"], g["text"])
        if g["source"]:
            counts["src_gold"] += 1
        match = None
        if where is not None:
            for k, ((s, e), figure) in enumerate(predicted):
                if k not in used and s < where[1] and where[0] < e and _values_agree(figure.value, g["value"]):
                    match = k
                    break
        if match is None:
            errors.append(f"figure missed [{article_id[:8]}] {g['text']!r} in: {g['sentence'][:90]}")
            if g["source"]:
                counts["src_gold"] -= 1  # sources are scored over matched figures only
            continue
        used.add(match)
        counts["fig_ok"] += 1
        figure = predicted[match][1]
        name = figure.source.name if figure.source else None
        if not _score_name(name, g["source"], g["source_aliases"], "src", counts):
            errors.append(f"source wrong [{article_id[:8]}] {g['text']!r}: got {name!r}, want {g['source']!r}")
    for k, ((s, e), figure) in enumerate(predicted):
        if k not in used:
            errors.append(f"figure spurious [{article_id[:8]}] {figure.text!r} in: {text[max(0, s - 60):e + 30]!r}")


def _score_quotes(facts: Facts, article_id, text, spans, gold, counts, errors) -> None:
    predicted = [(m.start, m.end, q) for q in facts.quotes for m in q.mentions
                 if m.article_id == article_id and _in_scope(m.start, spans)]
    gold = _present(text, gold, "quote", counts)
    counts["quote_pred"] += len(predicted)
    counts["quote_gold"] += len(gold)
    used: set[int] = set()
    for g in gold:
        gs, ge = _locate(text, g["sentence"], g["quote"])
        match = next((k for k, (s, e, _) in enumerate(predicted)
                      if k not in used and min(e, ge) - max(s, gs) >= 0.5 * min(e - s, ge - gs)), None)
        if match is None:
            errors.append(f"quote missed [{article_id[:8]}] {g['quote'][:70]!r}")
            continue
        used.add(match)
        counts["quote_ok"] += 1
        speaker = predicted[match][2].speaker
        if g["speaker"]:
            counts["spk_gold"] += 1
        if not _score_name(speaker, g["speaker"], g["speaker_aliases"], "spk", counts):
            errors.append(f"speaker wrong [{article_id[:8]}] {g['quote'][:50]!r}: got {speaker!r}, want {g['speaker']!r}")
    for k, (s, e, quote) in enumerate(predicted):
        if k not in used:
            errors.append(f"quote spurious [{article_id[:8]}] {quote.text[:70]!r} ({quote.speaker})")
