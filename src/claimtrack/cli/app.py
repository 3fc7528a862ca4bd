"""The Typer app, the options every command shares, and the error boundary.

Command modules (`cli/*_cmds.py`) decorate functions with `@app.command()`; heavy imports
(rich, sqlite-utils, the extraction core) happen inside the commands, never at import time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.errors import ClaimtrackError

app = typer.Typer(
    name="claimtrack",
    help="Track quantitative claims in Arabic and English articles: ingest, extract, query.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


DEFAULT_DB = Path("claims.db")

DbOpt = Annotated[
    Path,
    typer.Option("--db", envvar="CLAIMTRACK_DB", help="SQLite file"),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="table|json|jsonl|csv|tsv (default: table on a terminal, else tsv)"
    ),
]
GazetteerOpt = Annotated[
    Path | None,
    typer.Option(
        "--gazetteer",
        envvar="CLAIMTRACK_GAZETTEER",
        help="TOML file of extra entities and cue words",
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors")]


def _version(value: bool) -> None:
    if value:
        from claimtrack import __version__

        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version"),
    ] = False,
) -> None:
    """Track quantitative claims in Arabic and English articles: ingest, extract, query."""


def is_debug() -> bool:
    """Return whether tracebacks were asked for (`--debug` or CLAIMTRACK_DEBUG=1)."""
    return os.environ.get("CLAIMTRACK_DEBUG", "") not in ("", "0")


@contextmanager
def user_errors(*, debug: bool = False) -> Iterator[None]:
    """Turn library errors into one line on stderr and the error's exit code."""
    try:
        yield
    except ClaimtrackError as e:
        typer.echo(f"claimtrack: error: {e}", err=True)
        raise typer.Exit(e.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("claimtrack: interrupted; the database is consistent", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # `claimtrack claims | head`: the reader went away; not an error.
        _silence_stdout()
        raise typer.Exit(0) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as e:
        if debug or is_debug():
            raise
        typer.echo(
            f"claimtrack: internal error: {type(e).__name__}: {e} (rerun with --debug for details)",
            err=True,
        )
        raise typer.Exit(1) from None


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so that exit does not fail flushing a dead pipe.

    Only when stdout is the process's real stdout (not a test runner's capture)."""
    import sys

    if sys.stdout is not sys.__stdout__:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass
