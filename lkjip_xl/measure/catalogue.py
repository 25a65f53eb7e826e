"""Finding codes of `measure`, in the catalogue's shape (`lkjip_xl.catalogue.Entry`).

Listed here so `measure` owns its messages; `message` renders these and defers to the shared
catalogue for every other code (reading findings such as `angka-sebagai-teks`).
"""

from __future__ import annotations

from ..catalogue import Entry, render_message
from ..findings import Finding

ENTRIES: list[Entry] = [
    Entry("lembar-tambahan-disalin", "warning",
          "lembar tambahan {location} disalin sebagai nilai saja ({cells} sel): rumus dan format "
          "tidak terbawa",
          "extra sheet {location} copied as values only ({cells} cells): formulas and formatting "
          "were not kept",
          "a sheet 'Catatan' the user added"),
    Entry("lembar-tidak-terbawa", "warning",
          "lembar {location} ({kind}) tidak dapat dibawa ke file keluaran",
          "sheet {location} ({kind}) cannot be carried over to the output",
          "a chart sheet"),
    Entry("objek-tidak-terbawa", "warning",
          "{location}: {objects} tidak terbawa ke file keluaran",
          "{location}: {objects} not carried over to the output",
          "a comment on 'PK'!C5"),
    Entry("sel-di-luar-tabel", "warning",
          "{location}: {count} sel berisi di luar tabel tidak terbawa: {cells}",
          "{location}: {count} filled cells outside the tables not carried over: {cells}",
          "a note typed in 'PK'!L3"),
    Entry("baris-tidak-terbawa", "warning",
          "{location}: baris tidak terbawa ({reason}): {found}",
          "{location}: row not carried over ({reason}): {found}",
          "a PK row whose code is not in 'Renstra & IKU'"),
    Entry("format-tidak-terbawa", "info",
          "format buatan sendiri (warna, lebar kolom, font) tidak dibawa: sheet ditulis ulang "
          "dengan format lkjip-xl",
          "your own formatting (colours, column widths, fonts) is not kept: the sheets are "
          "written afresh in the lkjip-xl format",
          "always"),
    Entry("grafik-triwulan-dibatasi", "info",
          "grafik triwulan dibuat untuk {shown} indikator pertama dari {total}",
          "quarterly charts drawn for the first {shown} of {total} indicators",
          "a workbook with more than 30 indicators"),
]

_BY_CODE = {e.code: e for e in ENTRIES}


def message(f: Finding, lang: str = "id") -> str:
    """The finding's message: measure's own codes here, the shared catalogue otherwise."""
    e = _BY_CODE.get(f.code)
    if e is None:
        try:
            text = render_message(f, lang)
        except Exception:  # noqa: BLE001 - a broken shared table must not hide the finding
            text = f.code
        if text == f.code:  # not (yet) in the shared catalogue: still say what was found
            extra = f" ({f.found!r} -> {f.expected!r})" if f.expected is not None else (
                f" ({f.found!r})" if f.found is not None else "")
            text = f.code + extra
        return text
    params = {k: ("" if v is None else v) for k, v in f.params.items()}
    params.setdefault("found", "" if f.found is None else f.found)
    params.setdefault("location", f.location)
    return (e.en if lang == "en" else e.id).format(**params)
