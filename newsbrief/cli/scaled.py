"""`newsbrief stories --engine ray`: read, clean, embed and brief on Ray; group here, exactly."""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.cli.console import status, warn
from newsbrief.cli.inputs import require_some
from newsbrief.config import Settings
from newsbrief.model import Rejected
from newsbrief.scale import brief_stories, connect, prepared


def ray_stories(inputs: Sequence[str], settings: Settings, *, brief: bool, address: str | None,
                workers: int | None) -> list:
    """The stories `pipeline.brief_stories` gives for the usable articles of `inputs` (the
    skipped inputs warned about as `usable_articles` does: unreadable ones first, then those
    cleaning left empty)."""
    with connect(address, workers) as ray, status() as say:
        pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        say("reading, cleaning and embedding on Ray")
        items = list(prepared(list(inputs), settings, workers=pool))
        unread = [i.item for i in items if isinstance(i.item, Rejected)]
        emptied = [i.rejected for i in items if i.rejected is not None]
        require_some([i for i in items if i.cleaned is not None], unread + emptied)
        for item in unread + emptied:
            warn(f"skipped {item}")
        return brief_stories(items, settings, brief=brief, progress=say)
