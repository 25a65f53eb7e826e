"""The plain progress bar (planning/progress.py) on a stream that says it is a terminal, and
silence on one that does not (the pseudo-terminal runs of whole commands: test_progress.py)."""

from __future__ import annotations

import io

from lkjip_xl.planning.progress import WIDTH, ProgressBar, bar_line, eta_text


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_fills_in_place_and_closes_with_a_newline() -> None:
    out = Terminal()
    bar = ProgressBar(4, "memeriksa", stream=out)
    for _ in range(4):
        bar.step()
    bar.close()
    bar.close()  # twice is harmless
    text = out.getvalue()
    frames = text.split("\r")[1:]
    assert len(frames) == 5 and text.endswith("\n") and text.count("\n") == 1
    assert frames[0].startswith("memeriksa  [" + "-" * WIDTH + "]  0/4")
    assert frames[2].startswith(f"memeriksa  [{'#' * (WIDTH // 2)}{'-' * (WIDTH // 2)}]  2/4  ")
    assert frames[-1].rstrip("\n").rstrip() == f"memeriksa  [{'#' * WIDTH}]  4/4"
    bar.step()  # after close: nothing more is drawn
    assert out.getvalue() == text


def test_nothing_is_written_off_a_terminal_or_when_not_asked() -> None:
    piped = io.StringIO()
    bar = ProgressBar(3, "mengekspor", stream=piped)
    bar.step()
    bar.close()
    assert piped.getvalue() == ""
    quiet = Terminal()
    ProgressBar(3, "mengekspor", show=False, stream=quiet).close()
    ProgressBar(0, "mengekspor", stream=quiet).close()
    assert quiet.getvalue() == ""


def test_the_time_left_is_counted_from_the_pace_so_far() -> None:
    assert bar_line("x", 1, 4, 10.0).endswith("1/4  00:00:30")
    assert bar_line("x", 4, 4, 10.0).endswith("4/4")  # finished: no time left shown
    assert eta_text(3725) == "01:02:05" and eta_text(90000) == "1d 01:00:00"
    assert eta_text(-3) == "00:00:00"
