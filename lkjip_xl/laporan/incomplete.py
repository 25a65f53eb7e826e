"""What the document says of a year not fully reported (issue #21): the clause after the
predicate count and the budget sentence, from the same rule verify warns with
(`core.year_end`). A partial year is never presented as final, and no sentence is printed with
an empty number: "belum dilaporkan" stands there instead."""

from __future__ import annotations

from collections.abc import Callable

from lkjip_xl.catalogue.laporan import text
from lkjip_xl.core.measurement import Pengukuran
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.year_end import partial_budgets, partial_years, tw_names
from lkjip_xl.laporan.angka import angka


def partial_clause(dok: Dokumen, words: Callable[[int], str] = str) -> str:
    """"; 1 (satu) indikator belum lengkap (TW IV belum dilaporkan)", or "" when every year is
    complete; `words` writes the count (the document's "1 (satu)")."""
    partial = partial_years(dok)
    if not partial:
        return ""
    kosong = tw_names(tuple(sorted({q for k in partial.values() for q in k.kosong})))
    return text("year_partial", "id", count=words(len(partial)), kosong=kosong)


def budget_sentence(opening: str, p: Pengukuran, dok: Dokumen) -> str:
    """The allocation and what of it was spent: "belum dilaporkan" when nothing was, and the
    kegiatan whose annual spending is missing named (their quarters are not the year)."""
    t = p.total
    if t.realisasi_anggaran is None:
        out = text("budget_unreported", "id", opening=opening,
                   anggaran=angka(t.anggaran, "money"))
    else:
        out = text("budget", "id", opening=opening, anggaran=angka(t.anggaran, "money"),
                   realisasi=angka(t.realisasi_anggaran, "money"),
                   penyerapan=angka(t.penyerapan, "percent"))
    partial = partial_budgets(dok)
    if partial:
        out += text("budget_partial", "id", count=len(partial),
                    kode=", ".join(sub or keg for keg, sub in partial))
    return out


__all__ = ["budget_sentence", "partial_clause"]
