"""Write outputs atomically, never over an input, never over an existing file without force.

Every file lkjip-xl writes (workbooks, reports, exports) goes through here:

    write_atomic(target, lambda tmp: workbook.save(tmp), inputs=[src], force=False)

    with atomic_path(target, inputs=[src]) as tmp:      # a path for xlsxwriter / openpyxl
        xlsxwriter.Workbook(tmp) ...

    with atomic_open(target, "w", encoding="utf-8") as fh:  # a file object for text / CSV
        fh.write(...)

The data goes to a temporary file in the target's own directory (so the final rename never
crosses a file system), is fsync'ed, then `os.replace`d over the target, and the directory is
fsync'ed. On any failure, KeyboardInterrupt included, the temporary file is removed and the target
is untouched: there is never a partial file under the target's name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lkjip_xl.core.errors import OutputError

PathLike = str | os.PathLike[str]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def check_target(target: PathLike, inputs: Iterable[PathLike] = (), force: bool = False) -> Path:
    """Refuse a target that is an input, a directory, or (without `force`) an existing file."""
    t = Path(target)
    for src in inputs:
        if _same_file(t, Path(src)):
            raise OutputError(
                f"{t}: keluaran sama dengan file masukan {src}; pilih nama lain (file masukan "
                "tidak pernah ditimpa)",
                f"{t}: the output is the input file {src}; choose another name (an input is "
                "never overwritten)",
            )
    if t.is_dir():
        raise OutputError(f"{t}: adalah folder, bukan file", f"{t}: is a directory, not a file")
    if (t.exists() or t.is_symlink()) and not force:
        raise OutputError(
            f"{t}: file sudah ada; pakai --force untuk menimpanya",
            f"{t}: the file already exists; use --force to overwrite it",
        )
    parent = t.parent if str(t.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{t}: folder {parent} tidak ada", f"{t}: folder {parent} does not exist")
    return t


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _final_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777  # keep an overwritten file's permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(target: PathLike, inputs: Iterable[PathLike] = (), force: bool = False
                ) -> Iterator[str]:
    """Yield a temporary path (str) beside `target`; on success it replaces `target` atomically.

    The temporary name ends with the target's suffix (".tmp.xlsx"), for writers that look at it.
    """
    inputs = tuple(inputs)
    t = check_target(target, inputs, force)
    parent = t.parent if str(t.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{t.name}.", suffix=f".tmp{t.suffix}", dir=parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp_name
        if not tmp.exists():
            raise OutputError(f"{t}: penulis tidak menghasilkan file",
                              f"{t}: the writer produced no file")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, _final_mode(t))
        # Checked again just before the rename: the target may have appeared meanwhile.
        check_target(t, inputs, force)
        os.replace(tmp, t)
        _fsync_dir(parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_atomic(target: PathLike, writer_fn: Callable[[str], Any],
                 inputs: Iterable[PathLike] = (), force: bool = False) -> Path:
    """Call `writer_fn(tmp_path)` (a str) and move the result into place; return the target."""
    with atomic_path(target, inputs, force) as tmp:
        writer_fn(tmp)
    return Path(target)


@contextlib.contextmanager
def atomic_open(target: PathLike, mode: str = "w", inputs: Iterable[PathLike] = (),
                force: bool = False, **open_kwargs: Any) -> Iterator[IO[Any]]:
    """`open()` for writing, atomically: the target appears complete or not at all."""
    if not any(m in mode for m in "wx") or "+" in mode:
        raise ValueError("atomic_open writes only: mode 'w', 'wb', 'wt'")
    mode = mode.replace("x", "w")
    with atomic_path(target, inputs, force) as tmp, open(tmp, mode, **open_kwargs) as fh:
        yield fh
        fh.flush()
