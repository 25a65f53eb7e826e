"""Every finding code the package can emit is in the one catalogue, with both languages."""

from __future__ import annotations

import re
from pathlib import Path

from lkjip_xl.catalogue import catalogue

PACKAGE = Path(__file__).resolve().parent.parent / "lkjip_xl"
EMITTED = re.compile(r'Finding\(\s*"([a-z0-9-]+)"')


def test_every_emitted_code_is_catalogued() -> None:
    table = catalogue()
    missing = {}
    for path in PACKAGE.rglob("*.py"):
        for code in EMITTED.findall(path.read_text(encoding="utf-8")):
            if code not in table:
                missing[code] = path.name
    assert missing == {}


def test_entries_are_complete() -> None:
    for code, e in catalogue().items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert e.severity in ("error", "warning", "info"), code
        assert e.id and e.en and e.id != e.en, code
