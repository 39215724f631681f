"""`newsbrief stories --engine ray`: the prepared articles grouped as one process would, then a
brief per story as a Ray task.

The grouping is the local engine's, decision for decision: the same cleaned articles in the same
order through one `StoryTracker` (publication order, arrival order within a day), with the
profiles and copy signatures the actors computed instead of computing them again. Only what is
stateless moved: the stories, their ids and their syndicated groups are the same (BCubed F1 1.0
between the engines; `tests/scale/test_stories.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsbrief.config import Settings
from newsbrief.model import Story
from newsbrief.pipeline import with_brief
from newsbrief.scale.cluster import import_ray
from newsbrief.scale.prepare import Prepared

IN_FLIGHT = 4  # brief tasks per worker CPU queued at once: the driver holds a bounded number of stories


def brief_stories(items: Sequence[Prepared], settings: Settings, *, brief: bool = True,
                  progress: Callable[[str], None] | None = None) -> list[Story]:
    """The stories of the cleaned, prepared articles (largest first), each with its brief when
    `brief`; as `pipeline.brief_stories(..., cleaned=True)` gives them."""
    from newsbrief.stories import group_stories  # heavy: datasketch (scipy), as in pipeline.brief_stories

    say = progress or (lambda message: None)
    kept = [i for i in items if i.cleaned is not None]
    stories = group_stories([i.cleaned for i in kept], settings, progress=say,
                            profiles=[i.profile for i in kept], signatures=[i.signature for i in kept])
    if not brief or not stories:
        return stories
    ray = import_ray()
    task = ray.remote(num_cpus=1)(_briefed)
    window = IN_FLIGHT * max(1, int(ray.available_resources().get("CPU", 1)))
    settings_ref = ray.put(settings)
    pending, done = {}, {}
    for number, story in enumerate(stories):
        pending[task.remote(story, settings_ref)] = number
        while len(pending) >= window or (number == len(stories) - 1 and pending):
            ready, _ = ray.wait(list(pending), num_returns=1)
            done[pending.pop(ready[0])] = ray.get(ready[0])
            say(f"briefing stories: {len(done):,} of {len(stories):,} done")
    return [done[n] for n in range(len(stories))]


def _briefed(story: Story, settings: Settings) -> Story:
    """A brief task: the story with its brief (the summarizer and facts models load once per worker)."""
    return with_brief(story, settings, cleaned=True)
