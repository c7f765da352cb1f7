"""The project's exception tree. Third-party errors are translated into these at the edges."""
from __future__ import annotations


class NewsdeskError(Exception):
    """Base class: the CLI prints it as one line and exits non-zero."""

    exit_code = 1


class RejectedInput(NewsdeskError):
    """An input that is not a usable article; ``reason`` is a short phrase for users."""

    exit_code = 3

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # picklable across worker processes
        return (RejectedInput, (self.source, self.reason))


class StoreError(NewsdeskError):
    """The store could not be opened, migrated or written."""

    exit_code = 4


class NotFound(NewsdeskError):
    """A requested article, story, entity or actor does not exist."""

    exit_code = 2


class ModelMissing(NewsdeskError):
    """The pinned spaCy model package is not installed."""

    exit_code = 5
