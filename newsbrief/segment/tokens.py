"""Word tokens for comparing and scoring sentences (not for display)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?(?:[.,][0-9]+)*")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say told
    according one two new year years also mr mrs ms s t don't it's he's she's that's there's""".split()
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; numbers keep their separators ("10,000", "3.5")."""
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stopwords, no one-letter tokens."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Word bigrams of the full word sequence (stopwords kept: they make copies distinctive)."""
    ws = words(text)
    if len(ws) == 1:
        return frozenset({(ws[0], "")})
    return frozenset(zip(ws, ws[1:]))
