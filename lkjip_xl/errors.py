"""The exception tree: library errors are small classes the CLI turns into one clear line.

Exit codes (docs/cli.md): 0 clean, 1 error findings, 2 usage, 3 input unreadable.
"""

from __future__ import annotations


class LkjipError(Exception):
    """Base of every error lkjip-xl raises on purpose. `message_id` is Bahasa Indonesia."""

    exit_code = 3

    def __init__(self, message_id: str, message_en: str | None = None) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.message_en = message_en or message_id

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


class InputError(LkjipError):
    """The input (workbook or data file) cannot be read or is not acceptable."""

    exit_code = 3


class DataFormatError(InputError):
    """A data document breaks the interchange format; the message names the path."""


class UnsafeFileError(InputError):
    """The file is hostile, too large, encrypted or not an .xlsx workbook."""


class OutputError(LkjipError):
    """An output cannot be written (exists without --force, would overwrite the input...)."""

    exit_code = 2


class UsageError(LkjipError):
    exit_code = 2
