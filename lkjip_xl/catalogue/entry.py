"""One finding code's catalogue entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    code: str
    severity: str  # default severity: error / warning / info
    id: str  # Bahasa Indonesia template
    en: str  # English template
    example: str = ""  # a location and situation that produces it, for the docs
