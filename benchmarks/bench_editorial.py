"""Editorial defects on real multi-outlet stories, counted per class from recorded judgments.

    python benchmarks/bench_editorial.py [--part judged|unseen|all] [--write-briefs] [--per-story]

The review set (`tests/data/review/`, rubric in its README) is every Giveme5W1H event with at
least three articles; a fixed, hash-drawn third of them is the unseen part, judged once at the
end. For each story the brief is made as `newsbrief brief` makes it (Markdown, with facts), and
split into the items an editor reads: each brief sentence, each key figure, disagreement and
quote line, each name listed under "Who and where", each timeline line. Judgments
(`judgments.jsonl`: story, section, item text, defect classes) are matched to the items by
their text, so a fix that leaves an item unchanged keeps its judgment and a changed item shows
as unjudged until it is judged. `--write-briefs` writes each story's brief and its items to
`tests/data/review/briefs/` for judging. Order-dependence is measured, not judged: the brief of
the articles reversed must be the same text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "giveme5w1h-news-cluster" / "news_cluster.jsonl"
REVIEW = REPO / "tests" / "data" / "review"
CLASSES = ("debris", "off-topic", "dangling", "wrong-source", "wrong-date", "no-meaning", "mislabeled-name",
           "false-disagreement", "order")
SECTIONS = {"Key figures": "figure", "Disagreements": "disagreement", "Quotes": "quote",
            "Who and where": "name", "Timeline": "timeline"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("judged", "unseen", "all"), default="judged")
    parser.add_argument("--write-briefs", action="store_true")
    parser.add_argument("--per-story", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    started = time.perf_counter()
    stories = review_stories(args.part)
    judgments = load_judgments()
    totals: Counter = Counter()
    per_story: dict[str, Counter] = {}
    unjudged = items_seen = 0
    for story, articles in stories.items():
        brief, markdown, items, reordered = brief_items(articles)
        if args.write_briefs:
            write_brief(story, brief, markdown, items)
        counts = Counter()
        for section, text in items:
            items_seen += 1
            judged = judgments.get((story, section, text))
            if judged is None:
                unjudged += 1
                continue
            counts.update(judged)
        if reordered != markdown:
            counts["order"] += 1
        per_story[story] = counts
        totals.update(counts)
    print(f"part: {args.part}; {len(stories)} stories, {items_seen:,} items, {unjudged:,} not judged yet "
          f"({time.perf_counter() - started:.0f} s)\n")
    print("| defect class | count | per 10 stories |")
    print("| --- | ---: | ---: |")
    for name in CLASSES:
        print(f"| {name} | {totals[name]} | {10 * totals[name] / max(1, len(stories)):.1f} |")
    if args.per_story:
        print("\n| story | " + " | ".join(CLASSES) + " |")
        print("| --- |" + " ---: |" * len(CLASSES))
        for story, counts in per_story.items():
            print(f"| {story} | " + " | ".join(str(counts[c]) for c in CLASSES) + " |")


def review_stories(part: str) -> dict[str, list]:
    """story name -> its articles (as `brief` reads them), for the part asked for."""
    from newsbrief.config import Settings
    from newsbrief.ingest.records import article_from_record

    settings = Settings()
    events: dict[str, list] = defaultdict(list)
    with DATA.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            name = f"{record['event_id']:02d}-{record['event']}"
            events[name].append(article_from_record(record, source=f"news_cluster.jsonl:{number}",
                                                    default_id=str(record["id"]), path="news_cluster.jsonl",
                                                    settings=settings))
    chosen = {name: articles for name, articles in sorted(events.items()) if len(articles) >= 3}
    return {name: articles for name, articles in chosen.items() if part == "all" or (part == "unseen") == is_unseen(name)}


def is_unseen(story: str) -> bool:
    """A fixed third of the stories, drawn by hash: kept back, judged once at the end."""
    return int(hashlib.sha256(story.encode()).hexdigest(), 16) % 3 == 0


def brief_items(articles: list) -> tuple[object, str, list[tuple[str, str]], str]:
    """(the Brief, its Markdown, its items as (section, text), the Markdown of the articles reversed)."""
    from newsbrief.config import Settings
    from newsbrief.output.markdown import brief_to_markdown
    from newsbrief.pipeline import brief_articles

    settings = Settings()
    brief = brief_articles(articles, settings)
    markdown = brief_to_markdown(brief)
    reordered = brief_to_markdown(brief_articles(articles[::-1], settings))
    return brief, markdown, markdown_items(markdown), reordered


def markdown_items(markdown: str) -> list[tuple[str, str]]:
    """The lines an editor judges, by section; names one by one."""
    items, section = [], "brief"
    for line in markdown.splitlines():
        if line.startswith("## "):
            section = SECTIONS.get(line[3:].strip(), "other")
            continue
        if not line.strip() or line.startswith("# ") or section == "other" or "`newsbrief facts` lists" in line:
            continue
        text = line[2:] if line.startswith("- ") else line
        if section == "name":
            kind, _, names = text.partition(": ")
            for name in re.split(r"; (?![^(]*\))", names):
                name = re.sub(r" \(\d+ mentions? in \d+ articles?\)$", "", name.strip().removesuffix(", …").strip())
                if name and not name.startswith("… and"):
                    items.append((section, f"{kind}: {name}"))
            continue
        items.append((section, text))
    return items


def load_judgments() -> dict[tuple[str, str, str], list[str]]:
    path = REVIEW / "judgments.jsonl"
    judged = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                judged[(row["story"], row["section"], row["text"])] = [d for d in row["defects"] if d in CLASSES]
    return judged


def write_brief(story: str, brief, markdown: str, items: list[tuple[str, str]]) -> None:
    """The brief, its items and its sources (numbered as in the brief, cleaned text) for a judge."""
    folder = REVIEW / "briefs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{story}.md").write_text(markdown, encoding="utf-8")
    with (folder / f"{story}.items.jsonl").open("w", encoding="utf-8") as out:
        for section, text in items:
            out.write(json.dumps({"story": story, "section": section, "text": text}, ensure_ascii=False) + "\n")
    text = {a.id: a.text for a in brief.articles}
    sources = [{"number": s.number, "outlet": s.outlet, "title": s.title, "published": str(s.published),
                "text": text[s.article_id]} for s in brief.sources]
    (folder / f"{story}.sources.json").write_text(json.dumps(sources, ensure_ascii=False, indent=1), encoding="utf-8")



if __name__ == "__main__":
    main()
