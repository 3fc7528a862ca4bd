"""`claimtrack extract` and `claimtrack eval`: the extraction core without a database."""

from __future__ import annotations

from claimtrack.cli.app import app  # noqa: F401
