"""Errors a user can act on.

Every error tenor raises on purpose derives from ``TenorError`` and carries a one-line message written for
the person at the keyboard. The CLI prints that line and exits non-zero; the pipeline turns it into a
``StageError`` event. Anything else that escapes is a bug, logged with its traceback at debug level.
"""

from __future__ import annotations


class TenorError(Exception):
    """Base of all expected errors; ``str(err)`` is the user-facing line."""

    # Process exit status the CLI uses for this error.
    exit_code = 1


class ConfigError(TenorError):
    """The configuration (file, environment or flags) is wrong."""

    exit_code = 2


class InputError(TenorError):
    """The user's input cannot be used (empty, too long, not text)."""

    exit_code = 2


class BackendUnavailable(TenorError):
    """A backend's optional dependency or model file is missing."""

    exit_code = 3


class ReplyError(TenorError):
    """The language model could not produce a reply (server down, timeout, garbage)."""

    exit_code = 4


class StoreError(TenorError):
    """The session store could not be read or written (disk full, locked, corrupt)."""

    exit_code = 5
