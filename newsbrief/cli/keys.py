"""`newsbrief keys create|list|revoke`: the API keys that writes to the server need
(`newsbrief.store.keys`; the server checks them in `newsbrief.service.auth`)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from newsbrief.cli.service import DB_HELP
from newsbrief.config import load_settings
from newsbrief.errors import NewsbriefError

keys_app = typer.Typer(no_args_is_help=True, help="Make, list and revoke the API keys that writes to the server need.")

Db = Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)]
Name = Annotated[str, typer.Argument(metavar="NAME", show_default=False,
                                     help="Who the key is for: recorded with each change made with it.")]


class NoSuchKey(NewsbriefError):
    """`keys revoke` named no active key."""


def _store(db: str | None, *, existing: bool = True):
    from newsbrief.store import Store  # heavy: SQLAlchemy

    return Store(load_settings(db=db).db, existing=existing)


@keys_app.command("create")
def create(name: Name, db: Db = None) -> None:
    """Make a key named NAME and print it (stdout); it is shown this once: only its hash is stored."""
    from newsbrief.store.keys import create_key  # heavy: SQLAlchemy

    plain = create_key(_store(db, existing=False), name)  # the first step of a new newsroom may be its key
    typer.echo(plain)
    typer.echo(f"newsbrief: made key {name.strip()!r}; keep it now, it cannot be shown again. "
               "Send it as 'Authorization: Bearer KEY', or sign in with it at /signin", err=True)


@keys_app.command("list")
def list_(db: Db = None) -> None:
    """List the keys: name, first characters, made, last used, revoked (never the keys themselves)."""
    from newsbrief.store.keys import list_keys  # heavy: SQLAlchemy

    rows = list_keys(_store(db))
    if not rows:
        typer.echo("no keys: make one with `newsbrief keys create NAME`", err=True)
        return
    table = [("NAME", "KEY", "CREATED", "LAST USED", "REVOKED")]
    table += [(r.name, r.prefix + "…", _when(r.created_at), _when(r.last_used), _when(r.revoked_at)) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


@keys_app.command("revoke")
def revoke(name: Name, db: Db = None) -> None:
    """Revoke the key named NAME: its requests and its web sessions are refused from now on."""
    from newsbrief.store.keys import revoke_key  # heavy: SQLAlchemy

    if not revoke_key(_store(db), name):
        raise NoSuchKey(f"no active key named {name.strip()!r} (`newsbrief keys list` shows them)")
    typer.echo(f"revoked key {name.strip()!r}")


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "-"
