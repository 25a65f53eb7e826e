"""Shared test set-up: the fast inner loop and the sample workbook written once per session.

`python -m pytest -m "not slow"` is the loop to run while working (a minute or so); CI runs
everything. A test is slow when it is marked so, when it needs LibreOffice, or when its module
drives real clients or many documents as a whole (below).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SLOW_MODULES = {
    "test_differential", "test_typed_in_libreoffice", "test_audit_libreoffice", "test_printing",
    "test_conformance", "test_laporan", "test_planning_e2e", "test_planning_wheel",
    "test_verify_perf", "test_audit_perf", "test_fuzz", "test_hostile_cli",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in SLOW_MODULES or item.get_closest_marker("libreoffice"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def sample_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample's data written once per session by this checkout (read-only: copy it
    before changing it)."""
    from lkjip_xl import dataformat
    from lkjip_xl.workbook.write import write_workbook

    out = tmp_path_factory.mktemp("sample") / "denpasar_2019.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"), out)
    return out
