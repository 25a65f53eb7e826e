"""A progress bar on stderr for long work, drawn only on a terminal.

Plain text, no terminal library: `label  [#####-----]  3/10  00:00:12`, redrawn in place with a
carriage return and closed with a newline, so the command's own lines start on a line of their
own. Off a terminal (piped, redirected, CI) it writes nothing at all.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 36  # characters of the bar itself


def eta_text(seconds: float) -> str:
    """HH:MM:SS (and a day count past 24 hours) of the time left."""
    t = max(0, int(seconds))
    days, t = divmod(t, 86400)
    hours, t = divmod(t, 3600)
    minutes, secs = divmod(t, 60)
    clock = f"{hours:02}:{minutes:02}:{secs:02}"
    return f"{days}d {clock}" if days else clock


def bar_line(label: str, pos: int, total: int, elapsed: float) -> str:
    """The bar as shown after `pos` of `total` steps took `elapsed` seconds."""
    filled = int(WIDTH * pos / total) if total else WIDTH
    info = f"{pos}/{total}"
    if 0 < pos < total:
        info += "  " + eta_text(elapsed / pos * (total - pos))
    return f"{label}  [{'#' * filled}{'-' * (WIDTH - filled)}]  {info}"


class ProgressBar:
    """`step()` after each of `total` steps, then `close()` (also safe when never shown)."""

    def __init__(self, total: int, label: str, show: bool = True,
                 stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total, self.label, self.pos = total, label, 0
        self.shown = bool(show and total and self.stream.isatty())  # no half-drawn label
        self.started = time.monotonic()
        self._width = 0  # the longest line drawn: a shorter one pads over its tail
        if self.shown:
            self._draw()

    def step(self) -> None:
        if self.shown:
            self.pos = min(self.total, self.pos + 1)
            self._draw()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False

    def _draw(self) -> None:
        text = bar_line(self.label, self.pos, self.total, time.monotonic() - self.started)
        pad = " " * max(0, self._width - len(text))
        self._width = max(self._width, len(text))
        self.stream.write("\r" + text + pad)
        self.stream.flush()


__all__ = ["ProgressBar", "bar_line", "eta_text"]
