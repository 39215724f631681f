"""Interchangeable summarizers over one small base (`base.Summarizer`)."""

from __future__ import annotations

from newsbrief.config import Settings
from newsbrief.summarize.base import Summarizer


def make_summarizer(settings: Settings) -> Summarizer:
    """The summarizer named by `settings.method`."""
    if settings.method == "lead":
        from newsbrief.summarize.lead import LeadSummarizer

        return LeadSummarizer(settings)
    if settings.method == "centroid":
        from newsbrief.summarize.centroid import CentroidSummarizer

        return CentroidSummarizer(settings)
    from newsbrief.summarize.learned import LearnedSummarizer

    return LearnedSummarizer(settings)
