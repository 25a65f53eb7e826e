"""The Renstra evaluation form (Formulir E.80, Permendagri 86/2017) as `measure` prints it.

Its numbered columns are `schema/renja_columns.kolom_e80`'s (laporan's lampiran and export walk
the same declaration): 1-4 as the E.81's, 5 the data at the plan's start (K only), 6 the end
target, then per Renstra year its target, realisation and ratio, each a K / Rp pair, and the
responsible unit last. This module says what each figure of the form shows: `source` names the
cell a K or Rp figure of a column refers to (an input cell, a computed Renja cell, or the form's
own cells for a printed sum or ratio), so `measure/e80.py` only places them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.schema.input_tables import (
    INDIKATOR_PROGRAM,
    KEGIATAN,
    PRIOR_YEARS,
    PROGRAM,
    RENSTRA_SLOTS,
)
from lkjip_xl.schema.renja_columns import (
    CATATAN_E80,
    INDIKATOR_E80,
    NO,
    PROGRAM_KEGIATAN_E80,
    SASARAN,
    KolomE80,
    kolom_e80,
    penanggung_jawab_e80,
)
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.schema.sheets import TABLES
from lkjip_xl.schema.types import Kind

E80_SHEET = "Evaluasi Renstra"

LEADING = (NO, SASARAN, PROGRAM_KEGIATAN_E80, INDIKATOR_E80)
NOTE = CATATAN_E80  # under the form: how K ratios and the K end target are read

# where each figure comes from (docs/renja-evaluation.md, "The E.80 sheet"):
K_TARGET = (INDIKATOR_PROGRAM.key, "tr{slot}")  # the Renstra target of the year's slot
K_PAST = (INDIKATOR_PROGRAM.key, "rl{back}")  # the indicator's realisation N-back
K_NOW = (EVALUASI_INDIKATOR.key, "k12")  # this year's: the E.81's 12 K
K_END = (EVALUASI_INDIKATOR.key, "k5")  # the end target: the E.81's 5 K
# an owner's money: (input table, computed table) of a programme and of a (sub-)kegiatan
RP_PROGRAM = (PROGRAM.key, EVALUASI_PROGRAM.key)
RP_KEGIATAN = (KEGIATAN.key, EVALUASI_KEGIATAN.key)
RP_TARGET = "pr{slot}"  # on the owner's money row (Program or Realisasi Anggaran)
RP_PAST = "ral{back}"
RP_NOW = "rp12"  # on Renja Anggaran Kegiatan / Program: the E.81's 12 Rp
POLARITAS = (EVALUASI_INDIKATOR.key, "polaritas")  # with its default filled

FOOTER = (
    ("rata_rata_rasio", "Rata-rata rasio capaian kinerja Renstra (%)", "percent"),
    ("predikat", "Predikat kinerja", "text"),
    ("penyerapan", "Penyerapan anggaran program s.d. tahun berjalan (%)", "percent"),
)
# the footer's text lines: each from the sasaran's analysis column (Sasaran sheet) of that name
TEXTS = (
    ("pendorong", "Faktor pendorong keberhasilan pencapaian"),
    ("penghambat", "Faktor penghambat pencapaian kinerja"),
    ("tindak_lanjut_renja", "Tindak lanjut yang diperlukan dalam Renja PD berikutnya"),
    ("tindak_lanjut_renstra", "Tindak lanjut yang diperlukan dalam Renstra PD berikutnya"),
)
PENDUKUNG = "Program pendukung (tanpa sasaran)"
TINGKAT_HEADER = "Tingkat (untuk rumus)"  # the working column after the form: never printed


@dataclass(frozen=True)
class FormE80:
    """The form of one Renstra period: its numbered columns and the responsible unit's."""

    awal: int
    akhir: int

    @property
    def kolom(self) -> tuple[KolomE80, ...]:
        return kolom_e80(self.awal, self.akhir)

    @property
    def trailing(self) -> tuple[str, str, str]:
        return penanggung_jawab_e80(self.awal, self.akhir)

    @property
    def groups(self) -> tuple[tuple[str, tuple[KolomE80, ...]], ...]:
        """The columns by group, in the form's order: the pages across break between groups."""
        out: list[tuple[str, list[KolomE80]]] = []
        for k in self.kolom:
            g = "awal" if k.grup in ("awal", "akhir") else k.grup
            if not out or out[-1][0] != g:
                out.append((g, []))
            out[-1][1].append(k)
        return tuple((g, tuple(ks)) for g, ks in out)


def kind_k(k: KolomE80) -> Kind:
    return "percent" if k.persen else "number"


def kind_rp(k: KolomE80) -> Kind:
    return "percent" if k.persen else "money"


def check() -> None:
    """Every source names a declared column (run by the tests)."""
    for slot in range(1, RENSTRA_SLOTS + 1):
        TABLES[K_TARGET[0]].index(K_TARGET[1].format(slot=slot))
        for t, _ in (RP_PROGRAM, RP_KEGIATAN):
            TABLES[t].index(RP_TARGET.format(slot=slot))
    for back in range(1, PRIOR_YEARS + 1):
        TABLES[K_PAST[0]].index(K_PAST[1].format(back=back))
        for t, _ in (RP_PROGRAM, RP_KEGIATAN):
            TABLES[t].index(RP_PAST.format(back=back))
    for key, col in (K_NOW, K_END, POLARITAS):
        TABLES[key].index(col)
    EVALUASI_KEGIATAN.index(RP_NOW)
    EVALUASI_PROGRAM.index(RP_NOW)


__all__ = ["E80_SHEET", "FOOTER", "K_END", "K_NOW", "K_PAST", "K_TARGET", "LEADING", "NOTE",
           "PENDUKUNG", "POLARITAS", "RP_KEGIATAN", "RP_NOW", "RP_PAST", "RP_PROGRAM",
           "RP_TARGET", "TEXTS", "TINGKAT_HEADER", "FormE80", "check", "kind_k", "kind_rp"]
