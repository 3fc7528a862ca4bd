"""Command-line interface: `claimtrack COMMAND`. Parsing and rendering only; logic lives below."""

from __future__ import annotations

from claimtrack.cli import (  # noqa: F401  (register commands)
    admin_cmds,
    extract_cmds,
    ingest_cmds,
    query_cmds,
    scale_cmds,
)
from claimtrack.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `claimtrack` console script."""
    app()
