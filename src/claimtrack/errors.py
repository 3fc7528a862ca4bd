"""Errors a user can fix; each carries the exit code the CLI returns for it."""

from __future__ import annotations


class ClaimtrackError(Exception):
    """A problem the user can fix; the message is one line that says what and where."""

    exit_code = 1


class UsageError(ClaimtrackError):
    """Options that do not fit together or values of the wrong form."""

    exit_code = 2


class InputError(ClaimtrackError):
    """An input file or record that cannot be read; ingest skips it and goes on."""


class StoreError(ClaimtrackError):
    """The database cannot be opened, is locked, read-only, corrupt or too new."""


class NotFoundError(ClaimtrackError):
    """An entity, claim or article that is not in the database."""
