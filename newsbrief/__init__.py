"""newsbrief: short, faithful, attributed briefs from many news articles about one story."""

from newsbrief.config import Settings
from newsbrief.model import Article, Brief, BriefSentence, Document, Rejected, Sentence, Source, SourceSpan

__version__ = "0.1.0"

__all__ = [
    "Article", "Brief", "BriefSentence", "Document", "Rejected", "Sentence", "Settings", "Source", "SourceSpan",
    "brief", "__version__",
]


def brief(inputs, words: int | None = None, method: str | None = None, settings: Settings | None = None) -> Brief:
    """Brief a story from file paths, directories and/or `Article` objects.

    >>> b = newsbrief.brief(["examples/aleppo/"], words=120)
    >>> print(b.text)
    """
    from newsbrief.pipeline import brief_from_inputs  # heavy: numpy and every stage; `import newsbrief.config` stays light

    settings = (settings or Settings()).with_overrides(words=words, method=method)
    return brief_from_inputs(inputs, settings)
