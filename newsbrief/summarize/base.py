"""What every summarizer shares: candidates, sentence vectors, budgeted selection, ordering.

A summarizer reads a prepared `Document` (sentences split, page furniture flagged and
near-copies grouped once, by `pipeline.prepare`) and only scores and selects. A method only
says how much each candidate sentence deserves a place (`score`); the base does the rest, the
same way for every method:
1. candidates: the Document's groups of near-copies (a repeat inside an article, the same wire
   sentence at several outlets), each one candidate that remembers every copy, so the brief
   cites all of them; of each group only the body sentences of a usable length that are
   neither a piece of a quotation that runs over several sentences (it would lose its
   speaker) nor the colon-ended introduction of a list;
2. vectors: TF-IDF over the candidates' content words, rows L2-normalised;
3. selection: greedy maximal marginal relevance (MMR) — the best-scoring candidate that is
   not too similar to those already chosen and still fits the word budget. A sentence whose
   "he", "she" or "they" (opening it, or saying a quote) is named only before it enters with
   the sentence before it or not at all, so a brief never hands a pronoun to whichever
   sentence happens to precede it; one that calls a person by one name after its article named
   them in full ("Teague played …") enters only after a sentence that names them in full;
4. order: chosen sentences in reading order (earlier in their article first), a run of
   consecutive sentences of one article kept together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.config import Settings
from newsbrief.model import BriefSentence, Document, Sentence, SourceSpan
from newsbrief.segment.tokens import STOPWORDS, content_words

MAX_VOCABULARY = 4096
_CONNECTIVE = r"(?:and|but|so|yet|still|also|meanwhile|however|instead|later|then|now|earlier)"
_REPORTING = (r"(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|tweeted|explained|explains|noted|notes|"
              r"continued|continues|recalled|recalls|insisted|insists)")
# "It", "This", "That" opening a sentence as its subject: what they stand for, the sentence before
# says ("It set off on Dec. 22."), unless "it" only stands in for a clause that follows ("It is
# not clear whether …", "It was the first time …", "It took firefighters six hours to …").
_COMPLEMENT = (r"(?:\w+ly\s+)?(?:clear|unclear|likely|unlikely|possible|impossible|expected|believed|thought|"
             r"understood|estimated|feared|hoped|known|unknown|reported|alleged|said|true|important|time|the\s+first|"
             r"the\s+\w+est|the\s+\w+\s+time|a\s+\w+\s+day|too|so|not|no|hard|difficult|easy|rare|unusual|worth|"
             r"illegal|legal|necessary|normal|common|customary|announced|confirmed|\d|one|two|three|four|five|"
             r"(?:a|an|\w+)\s+(?:years?|months?|weeks?|days?|decades?|hours?))\b")
_STAND_IN = (rf"(?:(?:is|was|has been|had been|remains|remained|seems|seemed|appears|appeared)\s+(?:not\s+)?{_COMPLEMENT}"
             r"|(?:is|was)\s+(?:now|still|also)?\s*(?:\d|one|two|three|a\s+(?:year|month|week|day|decade))"
             r"|(?:took|takes|take|will\s+take|would\s+take|could\s+take|may\s+take)\b)")
_ADVERB = r"(?:also|still|now|then|just|only|never|already|even|really|actually|certainly|clearly|probably|simply|finally|reportedly|apparently)"
_LEANS_ON_PREVIOUS = re.compile(  # who or what the sentence means, the sentence before says
    rf"^\W*(?:{_CONNECTIVE}\W+)?(?:he|she|they|his|her|their|him|them|its)\b"  # "He said …", "Meanwhile, he noted …"
    rf"|[\"”’]\s*,?\s*(?:he|she|they)\s+{_REPORTING}\b"  # "“We got shots fired,” he says."
    rf"|^\W*(?:{_CONNECTIVE}\W+)?(?:it\s+(?!{_STAND_IN})|(?:this|that|these|those)\s+)(?:{_ADVERB}\s+)?"
    r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|did|does|do|says|said|"
    r"comes|came|means|meant|follows|followed|marks|marked|includes|included|set|sets|"
    r"made|makes|began|begins|started|starts|shows|showed|happened|happens|puts|put|leaves|left|gives|gave|"
    r"brings|brought)\b"  # "It set off …", "This is …"
    rf"|^\W*(?:{_CONNECTIVE}\W+)?it['’]s\s+(?!(?:not\s+|been\s+)?{_COMPLEMENT})"  # "It’s from the point of view of …"
    r"|^\W*(?:or|in other words)\b"  # "Or in other words: …"
    r"|\bput(?:s|ting)?\s+the\s+(?:figure|tally|toll|number)\b|\b(?:that|this|the\s+same)\s+(?:figure|tally|estimate)\b"
    r"|^\W*(?:the|both)\s+(?:two|three|pair|couple|duo)\b(?![-‑])"
    r"(?!\s+(?:of|men|women|people|countries|sides|companies|leaders|teams|children|boys|girls|candidates)\b)"
    rf"|[\"”’]\s*,?\s*the\s+(?:spokesperson|spokesman|spokeswoman)\s+{_REPORTING}\b"  # "…,” the spokesperson said.
    r"|^\W*[\"“‘'][^\"”]{3,}[\"”’']\W*$"  # a whole sentence in quotation marks: its speaker is named before it
    r"|^[^,.]{3,40},\s*(?:that|this)(?:['’]s|\s+(?:is|was))\b"  # "For small satellites, that's not much."
    r"|^\W*(?:back then|at the time|by then|since then|until then|now it turns out)\b"  # "Back then, he anticipated …"
    r"|^\W*(?:yes|yeah|definitely|absolutely|exactly)\b\W",  # the answer to a question the brief did not ask
    re.IGNORECASE,
)
_TRANSCRIPT_SPEAKER = re.compile(r"^[A-Z][A-Z'’.-]+:\s")  # "NELSON: Yeah, and in fact, …"
_FIRST_PERSON = re.compile(  # "What I saw, it was horrible." outside quotes; not "World War I", "Phase I"
    r"(?<!War )(?<!Phase )(?<!Type )(?<!Class )(?<!Title )(?<!Stage )(?<!Part )(?<!Act )\bI\b(?= [a-z])|\b(?:me|my)\b")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
_SINGLE_OPENING = re.compile(r"(?:^|[\s(\[—–-])['‘](?=\w)")
_SINGLE_CLOSING = re.compile(r"(?<=[\w.,!?])['’](?=\s|$|[,.;:!?)—–-])")
_NAME_WORD = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_FULL_NAME = re.compile(rf"\b({_NAME_WORD}|[A-Z]\.)\s+(?:[A-Z]\.\s+)?({_NAME_WORD})\b(?!\s+[A-Z])")  # "Jeff Teague"
_BARE_NAME = re.compile(rf"(?:(\b[A-Z][\w.'’-]*)\s+)?(?<![\w'’-])({_NAME_WORD})\b(?!\s+[A-Z])")
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


@dataclass(frozen=True)
class Candidate:
    """A sentence that may enter the brief, with every near-copy of it across the articles."""

    sentence: Sentence  # the first occurrence: its text goes into the brief
    copies: tuple[Sentence, ...]  # all occurrences, the first included
    article_index: int  # input order of the first occurrence's article
    article_sentences: int  # how many body sentences (headings left out) that article has
    position: int  # the first occurrence's index among its article's body sentences
    best_position: int  # the earliest body position among all copies
    surnames: tuple[str, ...] = ()  # people it calls by one name whom its article named in full before it

    @property
    def words(self) -> int:
        return len(self.sentence.text.split())

    @property
    def article_count(self) -> int:
        return len({s.article_id for s in self.copies})


class Summarizer:
    """Base class: subclasses implement `score`; `summarize` selects and orders."""

    name = "base"
    redundancy = 0.3  # the method's tuned MMR trade-off, used unless settings.redundancy is given

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    def summarize(self, doc: Document, known: Sequence[str] = ()) -> list[BriefSentence]:
        """Brief sentences under the word budget; with `known` texts, only sentences that add to them."""
        candidates = build_candidates(doc, self.settings)
        if known:
            candidates = [c for c in candidates if not is_covered(c.sentence.text, known)]
        if not candidates:
            return []
        vectors = tfidf_vectors([c.sentence.text for c in candidates])
        scores = np.asarray(self.score(candidates, vectors), dtype=float)
        chosen = reading_order(candidates, self.select(candidates, vectors, scores))
        return [to_brief_sentence(candidates[i], float(scores[i])) for i in chosen]

    def score(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> np.ndarray:
        """How much each candidate deserves a place in the brief (higher is better)."""
        raise NotImplementedError

    def select(self, candidates: Sequence[Candidate], vectors: np.ndarray, scores: np.ndarray) -> list[int]:
        """Greedy MMR under the word budget: skip what does not fit, stop when nothing does.

        A sentence whose "he", "she" or "they" is named only before it comes in with the
        sentence(s) before it when all fit, else is passed over (2.5 % of the sentences chosen
        on Multi-News dangled before this rule); likewise a person's one name, with a sentence
        that names them in full (`name_antecedents`).
        """
        budget = self.settings.words
        lam = self.redundancy if self.settings.redundancy is None else self.settings.redundancy
        relevance = _rescale(scores)
        max_similarity = np.zeros(len(candidates))
        open_ = np.ones(len(candidates), dtype=bool)
        lengths = np.array([c.words for c in candidates])
        antecedents = {i: [(need,)] for i, need in pronoun_antecedents(candidates).items()}
        for i, needs in name_antecedents(candidates).items():
            antecedents.setdefault(i, []).extend(needs)
        chosen: list[int] = []
        while True:
            open_ &= lengths <= budget
            if not open_.any():
                return chosen
            mmr = lam * relevance - (1.0 - lam) * max_similarity
            best = int(np.argmax(np.where(open_, mmr, -np.inf)))
            open_[best] = False
            unit = _with_antecedents(best, antecedents, chosen)
            if not unit or lengths[unit].sum() > budget:
                continue
            for index in unit:
                chosen.append(index)
                open_[index] = False
                budget -= lengths[index]
                max_similarity = np.maximum(max_similarity, vectors @ vectors[index])


def _with_antecedents(index: int, antecedents: dict[int, list[tuple[int | None, ...]]], chosen: list[int]) -> list[int]:
    """The candidate with the sentences its pronouns and surnames need (and theirs in turn): of
    each need's acceptable sentences one chosen already, else the first brought along; three
    sentences at most; [] when they cannot all enter."""
    unit, pending = [index], [index]
    while pending:
        for options in antecedents.get(pending.pop(), ()):
            if any(option in chosen or option in unit for option in options):
                continue
            if not options or options[0] is None or len(unit) == 3:
                return []
            unit.append(options[0])
            pending.append(options[0])
    return sorted(unit)


def pronoun_antecedents(candidates: Sequence[Candidate]) -> dict[int, int | None]:
    """For each candidate whose "he", "she" or "they" (opening it, or saying a quote) is named only
    before it: the candidate just before it in its article (None when that one cannot enter a brief)."""
    where = {(c.article_index, c.position): i for i, c in enumerate(candidates)}
    return {i: where.get((c.article_index, c.position - 1)) for i, c in enumerate(candidates)
            if leans_on_previous(c.sentence.text)}


def name_antecedents(candidates: Sequence[Candidate]) -> dict[int, list[tuple[int, ...]]]:
    """For each candidate that calls someone by one name ("Teague played …", "Hua said") after its
    article named them in full ("Jeff Teague", "Hua Chunying"; `Candidate.surnames`): per name,
    the candidates before it in reading order that name the person in full, its own article's
    first. The brief needs one of them first (none: the candidate cannot enter), so it never
    says "Freed said" to a reader who never met Freed."""
    naming: dict[str, list[int]] = {}
    for i, c in enumerate(candidates):
        for name in _full_names(c.sentence.text):
            naming.setdefault(name, []).append(i)
    order = [(c.position / max(1, c.article_sentences), c.article_index, c.position) for c in candidates]
    needs: dict[int, list[tuple[int, ...]]] = {}
    for i, c in enumerate(candidates):
        for name in c.surnames:
            before = sorted((j for j in naming.get(name, ()) if order[j] < order[i]),
                            key=lambda j: (candidates[j].article_index != c.article_index, order[j]))
            needs.setdefault(i, []).append(tuple(before))
    return needs


def _full_names(text: str) -> set[str]:
    """Both words of each two-word name in the sentence ("Jeff Teague": Jeff, Teague)."""
    found = [m for m in _FULL_NAME.finditer(text) if m.group(1).lower() not in STOPWORDS and not _TITLE.fullmatch(m.group(1))]
    return {m.group(2) for m in found} | {m.group(1) for m in found if not m.group(1).endswith(".")}


def _surnames_by_sentence(sentences: Sequence[Sentence], lower: set[str]) -> list[tuple[str, ...]]:
    """For each sentence of an article, the names it uses alone ("Teague played", "Mr Zhu told")
    that an earlier sentence gave in full; a word the story writes in lower case is no name
    (lower-cased text, Multi-News, has none)."""
    introduced: set[str] = set()
    found = []
    for sentence in sentences:
        full = _full_names(sentence.text)
        alone = (m.group(2) for m in _BARE_NAME.finditer(sentence.text) if not m.group(1) or _TITLE.fullmatch(m.group(1)))
        found.append(tuple(dict.fromkeys(w for w in alone if w in introduced and w not in full and w.lower() not in lower)))
        introduced |= full
    return found


def leans_on_previous(text: str) -> bool:
    """Whether who or what the sentence means is said only before it: an opening "he" or "it", "the
    figure", an answer ("Yes, …"), a transcript's "NELSON:", or an "I" outside quotation marks
    (a tweet or a witness whose name came first)."""
    return (_LEANS_ON_PREVIOUS.search(text) is not None or _TRANSCRIPT_SPEAKER.match(text) is not None
            or _FIRST_PERSON.search(_QUOTED.sub(" ", text)) is not None)


def reading_order(candidates: Sequence[Candidate], chosen: Sequence[int]) -> list[int]:
    """Chosen candidates, earlier in their article first; consecutive sentences of one article stay together."""
    where = {(candidates[i].article_index, candidates[i].position): i for i in chosen}
    anchor: dict[int, int] = {}
    for i in sorted(chosen, key=lambda i: candidates[i].position):
        c = candidates[i]
        previous = where.get((c.article_index, c.position - 1))
        anchor[i] = anchor[previous] if previous is not None else i

    def key(i: int):
        first = candidates[anchor[i]]
        return first.position / first.article_sentences, first.article_index, candidates[i].position

    return sorted(chosen, key=key)


def build_candidates(doc: Document, settings: Settings) -> list[Candidate]:
    """Sentences that may enter the brief, near-copies merged (see the module docstring), in
    reading order of their first occurrence."""
    where: dict[tuple[str, int], tuple[int, int, int]] = {}  # -> article index, body sentences, body position
    surnames: dict[tuple[str, int], tuple[str, ...]] = {}
    lower = {w for a in doc.articles for w in _LOWER_WORD.findall(a.text)}
    for index, article in enumerate(doc.articles):
        body = [s for s in doc.sentences_of(article.id) if not s.is_heading]
        where.update(((s.article_id, s.start), (index, len(body), position)) for position, s in enumerate(body))
        surnames.update(((s.article_id, s.start), names) for s, names in zip(body, _surnames_by_sentence(body, lower)))
    candidates = []
    for group in doc.copy_groups:
        copies = tuple(s for s in (doc.sentences[i] for i in group) if _is_candidate(s, settings))
        if copies:
            key = (copies[0].article_id, copies[0].start)
            index, count, position = where[key]
            best = min(where[(s.article_id, s.start)][2] for s in copies)
            candidates.append(Candidate(copies[0], copies, index, count, position, best, surnames[key]))
    return sorted(candidates, key=lambda c: (c.article_index, c.position))


def is_covered(text: str, known: Sequence[str], share: float = 0.6) -> bool:
    """Whether one known text already holds most of the sentence's content words (and its numbers).

    An update summary keeps a sentence only when it says something the earlier articles did not.
    """
    words = set(content_words(text))
    if not words:
        return True
    for other in known:
        other_words = set(content_words(other))
        if len(words & other_words) >= share * len(words) and _numbers(words) <= other_words:
            return True
    return False


def _numbers(words: set[str]) -> set[str]:
    return {w for w in words if w[0].isdigit()}


def _is_candidate(sentence: Sentence, settings: Settings) -> bool:
    n = len(sentence.text.split())
    return (
        settings.min_sentence_words <= n <= settings.max_sentence_words
        and not is_quote_fragment(sentence.text)
        and not sentence.text.rstrip().endswith(":")  # "Here are the details:" introduces what follows
        and not sentence.furniture
    )


def is_quote_fragment(text: str) -> bool:
    """A piece of a quotation that runs over several sentences: its quote marks do not pair up.

    Standing alone in a brief it would lose its speaker ("My wife was a metre away.\"" closes a
    quote opened two sentences earlier), so it is never chosen. Single quotes double as
    apostrophes, so only a sentence opening one that never closes, or closing one it never
    opened, counts.
    """
    if "“" in text or "”" in text:
        if text.count("“") != text.count("”"):
            return True
    elif text.count('"') % 2 == 1:
        return True
    stripped = text.strip()
    opens = _SINGLE_OPENING.match(stripped) is not None
    closes = _SINGLE_CLOSING.search(stripped) is not None
    return (opens and not closes) or (stripped[-1:] in "'’" and closes and not _SINGLE_OPENING.search(stripped))


def tfidf_vectors(texts: Sequence[str]) -> np.ndarray:
    """Sentence-level TF-IDF over content words (the most frequent ones), rows L2-normalised."""
    tokenised = [content_words(t) for t in texts]
    df = Counter(w for tokens in tokenised for w in set(tokens))
    # Sorted by frequency, then alphabetically: the same columns in every process (set order is hash-seeded).
    kept = sorted(df, key=lambda w: (-df[w], w))[:MAX_VOCABULARY]
    vocabulary = {w: i for i, w in enumerate(kept)}
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[w])) + 1.0 for w in vocabulary], dtype=np.float32)
    matrix = np.zeros((n, len(vocabulary)), dtype=np.float32)
    for row, tokens in enumerate(tokenised):
        for w, tf in Counter(tokens).items():
            col = vocabulary.get(w)
            if col is not None:
                matrix[row, col] = (1.0 + math.log(tf)) * idf[col]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def to_brief_sentence(candidate: Candidate, score: float) -> BriefSentence:
    """The candidate's text, citing the first copy of it in each article that carries it."""
    spans, seen = [], set()
    for copy in candidate.copies:
        if copy.article_id not in seen:
            seen.add(copy.article_id)
            spans.append(SourceSpan(copy.article_id, copy.start, copy.end))
    return BriefSentence(text=candidate.sentence.text, sources=tuple(spans), score=score)


def _rescale(scores: np.ndarray) -> np.ndarray:
    """Scores mapped to [0, 1] so the MMR trade-off means the same for every method."""
    low, high = float(scores.min()), float(scores.max())
    if high - low < 1e-12:
        return np.ones_like(scores)
    return (scores - low) / (high - low)
