"""Interchangeable summarizers over one small base (`base.Summarizer`)."""

from __future__ import annotations

from newsbrief.config import Settings
from newsbrief.summarize.base import Summarizer
from newsbrief.summarize.centroid import CentroidSummarizer
from newsbrief.summarize.lead import LeadSummarizer
from newsbrief.summarize.learned import LearnedSummarizer


def make_summarizer(settings: Settings) -> Summarizer:
    """The summarizer named by `settings.method`."""
    if settings.method == "lead":
        return LeadSummarizer(settings)
    if settings.method == "centroid":
        return CentroidSummarizer(settings)
    return LearnedSummarizer(settings)
