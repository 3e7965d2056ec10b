"""Shared by the aanbod services."""


class Conflict(Exception):
    """Someone else changed the row since the form was opened, or its status changed: the
    write is refused rather than overwriting (shown as a message, a 409 in the API)."""

    def __init__(self, melding: str, *, code: str = "conflict") -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code
