"""One settings object for every stage: defaults < user config file < environment < CLI flags.

Stages receive the `Settings` instance they need instead of reading globals, so tests
override a setting by building `Settings(words=50)` rather than patching anything.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from newsbrief.errors import SettingsError

METHODS = ("learned", "centroid", "lead")


@dataclass(frozen=True)
class Settings:
    words: int = 120
    """Word budget of the brief (whole sentences; the brief never exceeds it)."""
    method: str = "learned"
    """Summarizer: `learned` (trained scorer + MMR), `centroid` (centrality + position + MMR) or `lead`."""
    redundancy: float | None = None
    """MMR trade-off: 1.0 ignores redundancy, lower values penalise sentences like those chosen;
    None: the method's own tuned value."""
    near_copy: float = 0.75
    """Dice overlap of word bigrams at which two sentences (with the same numbers) are the same sentence."""
    min_sentence_words: int = 6
    """Shorter sentences are kept in the text but never chosen for the brief."""
    max_sentence_words: int = 80
    """Longer 'sentences' (unsplit lists, tables) are never chosen for the brief."""
    max_file_bytes: int = 10_000_000
    """Plain-text and JSON files above this size are refused (JSONL is streamed record by record)."""
    max_article_chars: int = 1_000_000
    """Articles with more characters are refused: a news article is far shorter."""

    def __post_init__(self) -> None:
        if self.words < 1:
            raise SettingsError(f"words must be at least 1, got {self.words}")
        if self.method not in METHODS:
            raise SettingsError(f"unknown method {self.method!r}; choose one of {', '.join(METHODS)}")
        if self.redundancy is not None and not 0.0 <= self.redundancy <= 1.0:
            raise SettingsError(f"redundancy must be between 0 and 1, got {self.redundancy}")
        if not 0.0 < self.near_copy <= 1.0:
            raise SettingsError(f"near_copy must be in (0, 1], got {self.near_copy}")

    def with_overrides(self, **overrides) -> "Settings":
        """A copy with the given fields changed; `None` values mean 'not given' and are ignored."""
        given = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(given) - {f.name for f in fields(self)}
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **given)

    def as_dict(self) -> dict:
        return asdict(self)


def config_path() -> Path:
    """The user config file: $NEWSBRIEF_CONFIG, else ~/.config/newsbrief/config.toml."""
    if os.environ.get("NEWSBRIEF_CONFIG"):
        return Path(os.environ["NEWSBRIEF_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "newsbrief" / "config.toml"


def load_settings(**cli_flags) -> Settings:
    """Settings from defaults, then the user config file, then NEWSBRIEF_* variables, then flags."""
    settings = Settings()
    path = config_path()
    if path.is_file():
        try:
            settings = settings.with_overrides(**tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, TypeError) as err:
            raise SettingsError(f"{path}: not a valid settings file ({err})") from None
    settings = settings.with_overrides(**_from_environment(settings))
    return settings.with_overrides(**cli_flags)


def _from_environment(settings: Settings) -> dict:
    values = {}
    for f in fields(settings):
        raw = os.environ.get(f"NEWSBRIEF_{f.name.upper()}")
        if raw is None:
            continue
        kind = float if f.name == "redundancy" else type(getattr(settings, f.name))
        try:
            values[f.name] = kind(raw)
        except ValueError:
            raise SettingsError(f"NEWSBRIEF_{f.name.upper()}={raw!r} is not a valid {kind.__name__}") from None
    return values
