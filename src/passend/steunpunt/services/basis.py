"""Shared by the steunpunt services."""


class Conflict(Exception):
    """Someone else changed the row since the form was opened, or the state no longer
    allows the change: the write is refused rather than overwriting."""

    def __init__(self, melding: str, *, code: str = "conflict") -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code
