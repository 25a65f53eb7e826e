"""A headless LibreOffice for the uno scripts (tests/uno_type.py, tests/uno_probe.py): start
soffice on a private profile and pipe, connect, hand over the Desktop, and stop it after.

Imported by those scripts under the system Python that has LibreOffice's `uno` (python3-uno),
from their own folder; nothing of lkjip-xl is imported here.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str, deadline: float) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver",
                                                             local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


@contextmanager
def calc_desktop(prefix: str = "lkjip") -> Iterator[object]:
    """soffice headless on a fresh profile; yields its Desktop. Terminated on the way out (waited
    for 30 s, then killed)."""
    pipe = f"{prefix}{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory(prefix="lkjip-uno-") as profile:
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": profile})
        try:
            ctx = _connect(pipe, time.monotonic() + 60)
            desktop = ctx.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
                "com.sun.star.frame.Desktop", ctx)
            yield desktop
            try:
                desktop.terminate()
            except Exception:  # noqa: BLE001 - the bridge goes away while answering
                pass
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()


def open_hidden(desktop: object, path: object) -> object:
    src = uno.systemPathToFileUrl(str(Path(str(path)).resolve()))
    return desktop.loadComponentFromURL(src, "_blank", 0, (prop("Hidden", True),))  # type: ignore[attr-defined]


def store_xlsx(doc: object, path: object) -> None:
    dst = uno.systemPathToFileUrl(str(Path(str(path)).resolve()))
    doc.storeToURL(dst, (prop("FilterName", "Calc MS Excel 2007 XML"),))  # type: ignore[attr-defined]
