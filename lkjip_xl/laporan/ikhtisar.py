"""The sentences of the ikhtisar eksekutif and Bab IV that only restate numbers: generated from
the measurement, never typed."""

from __future__ import annotations

from collections import Counter

from lkjip_xl.core.measurement import Pengukuran
from lkjip_xl.core.model import Dokumen
from lkjip_xl.laporan.incomplete import budget_sentence, partial_clause


def _terbilang_kecil(n: int) -> str:
    words = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
             "sembilan", "sepuluh", "sebelas")
    return f"{n} ({words[n]})" if 0 <= n < len(words) else str(n)


def ikhtisar_sentences(dok: Dokumen, p: Pengukuran) -> list[str]:
    """The sentences that only restate numbers: generated from them, never typed."""
    ind = list(p.indikator.values())
    out = [f"Pada tahun {dok.tahun} {dok.instansi.nama or 'instansi'} menetapkan "
           f"{_terbilang_kecil(len(dok.sasaran))} sasaran strategis dengan "
           f"{_terbilang_kecil(len(ind))} indikator kinerja."]
    counts = Counter(u.predikat for u in ind if u.predikat)
    unmeasured = sum(1 for u in ind if u.capaian is None)
    if counts:
        parts = [f"{_terbilang_kecil(n)} indikator berpredikat {label}"
                 for label, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        # a sentence that stands alone (Bab IV quotes it without the one before)
        text = f"Dari {_terbilang_kecil(len(ind))} indikator kinerja, " + ", ".join(parts)
        if unmeasured:
            text += f"; {_terbilang_kecil(unmeasured)} indikator belum dapat diukur"
        text += partial_clause(dok, _terbilang_kecil)  # an incomplete year is not final
        out.append(text + ".")
    if p.total.anggaran is not None:
        out.append(budget_sentence("Anggaran yang tersedia sebesar", p, dok))
    compared = [u for u in ind if u.membaik is not None]
    if compared:
        better = sum(1 for u in compared if u.membaik)
        out.append(f"Dibandingkan tahun {dok.tahun - 1}, {_terbilang_kecil(better)} dari "
                   f"{_terbilang_kecil(len(compared))} indikator yang dapat dibandingkan "
                   "membaik.")
    return out
