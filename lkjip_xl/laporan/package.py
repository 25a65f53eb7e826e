"""The .docx written with its tables streamed into the body.

A table's XML held as lxml elements costs about fifteen times its text (400 MB of the
5,000-row report, 1.6 GB at 20,000), so the document keeps each table as zlib-packed text and an
empty `<w:tbl/>` where it stands; saving writes python-docx's package (every other part as it
made it) and streams `word/document.xml` with each mark replaced by its table, one at a time.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Iterable
from typing import Any

TABLE_MARK = b"<w:tbl/>"
_SLICE = 1 << 16


def pack(chunks: Iterable[str]) -> bytes:
    z = zlib.compressobj(1)
    return b"".join([*(z.compress(c.encode("utf-8")) for c in chunks), z.flush()])


def save_with_tables(document: Any, tables: list[bytes],
                     target: str | os.PathLike[str] | io.BufferedIOBase) -> None:
    """`document.save(target)` with `tables` (packed, in body order) where the marks are."""
    skeleton = io.BytesIO()
    document.save(skeleton)
    body = document.part.partname.membername
    with zipfile.ZipFile(skeleton) as src, zipfile.ZipFile(target, "w",
                                                           zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != body:
                dst.writestr(info, data)
                continue
            pieces = data.split(TABLE_MARK)
            if len(pieces) != len(tables) + 1:  # a mark of ours lost or doubled: never guess
                raise RuntimeError(f"{len(pieces) - 1} table marks for {len(tables)} tables")
            out_info = zipfile.ZipInfo(info.filename, info.date_time)
            out_info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(out_info, "w", force_zip64=True) as out:
                out.write(pieces[0])
                for packed, piece in zip(tables, pieces[1:]):
                    _unpack_to(packed, out)
                    out.write(piece)


def _unpack_to(packed: bytes, out: Any) -> None:
    """A table's text written a slice at a time: the largest (every kegiatan) is tens of MB."""
    d = zlib.decompressobj()
    for k in range(0, len(packed), _SLICE):
        out.write(d.decompress(packed[k:k + _SLICE]))
    out.write(d.flush())
