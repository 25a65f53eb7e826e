"""The exception tree: library errors are small classes the CLI turns into one clear line.

Exit codes (README, "Exit codes"): 0 accepted, 1 error findings, 2 usage, 3 input unreadable,
4 not filled in, 5 not an lkjip-xl workbook (verify's verdicts: findings.VERDICT_EXIT).
"""

from __future__ import annotations

import errno
import os

from lkjip_xl.catalogue import pick


class LkjipError(Exception):
    """Base of every error lkjip-xl raises on purpose. `message_id` is Bahasa Indonesia."""

    exit_code = 3

    def __init__(self, message_id: str, message_en: str | None = None) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.message_en = message_en or message_id

    def message(self, lang: str = "id") -> str:
        return pick((self.message_id, self.message_en), lang)


class InputError(LkjipError):
    """The input (workbook or data file) cannot be read or is not acceptable."""

    exit_code = 3


class DataFormatError(InputError):
    """A data document breaks the interchange format; the message names the path. `problems`
    holds every problem found, (message_id, message_en) each, in document order."""

    def __init__(self, message_id: str, message_en: str | None = None,
                 problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message_id, message_en)
        self.problems = problems or [(self.message_id, self.message_en)]

    @classmethod
    def combine(cls, errors: list[DataFormatError], cap: int) -> DataFormatError:
        """One error listing several problems (one per line), at most `cap` of them."""
        if len(errors) == 1:
            return errors[0]
        problems = [p for e in errors for p in e.problems]
        shown, more = problems[:cap], len(problems) - cap
        lines_id = [f"{len(problems)} masalah dalam data:"] + ["  " + p[0] for p in shown]
        lines_en = [f"{len(problems)} problems in the data:"] + ["  " + p[1] for p in shown]
        if more > 0:
            lines_id.append(f"  ... dan {more} masalah lain")
            lines_en.append(f"  ... and {more} more")
        return cls("\n".join(lines_id), "\n".join(lines_en), problems)


class UnsafeFileError(InputError):
    """The file is hostile, too large, encrypted or not an .xlsx workbook."""


class OutputError(LkjipError):
    """An output cannot be written (exists without --force, would overwrite the input...)."""

    exit_code = 2


class UsageError(LkjipError):
    exit_code = 2


def file_error(path: str | os.PathLike[str], exc: OSError) -> InputError:
    """The one message every command gives for an input file it cannot open (exit 3)."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"file tidak ada: {path}", f"no such file: {path}")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path} adalah folder, bukan file", f"{path} is a folder, not a file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"file tidak boleh dibaca (izin ditolak): {path}",
                          f"file cannot be read (permission denied): {path}")
    reason = exc.strerror or type(exc).__name__
    return InputError(f"file tidak dapat dibaca: {path} ({reason})",
                      f"file cannot be read: {path} ({reason})")
