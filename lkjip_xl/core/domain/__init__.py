"""The pure SAKIP domain core: numbers in, numbers out, no I/O and no spreadsheet code.

`None` means "not reported" everywhere and is never treated as 0. docs/rules.md states each rule
with the edge cases the workbook's formulas must reproduce.
"""

from lkjip_xl.core.domain.anggaran import efisiensi, penyerapan
from lkjip_xl.core.domain.angka import REL_TOL, dekat, jumlah, lebih, rerata, terakhir
from lkjip_xl.core.domain.capaian import capaian, capaian_dipakai, predikat
from lkjip_xl.core.domain.renstra import kemajuan_renstra, realisasi_sd, target_akhir_renstra
from lkjip_xl.core.domain.tren import jarak_rentang, membaik, perubahan
from lkjip_xl.core.domain.triwulan import (
    TW4_BEDA_TARGET,
    TW_MENURUN,
    TahunKurang,
    capaian_tw,
    cek_tw,
    nilai_sd,
    nilai_tahunan,
    tahun_kurang,
)

__all__ = [
    "REL_TOL",
    "TW4_BEDA_TARGET",
    "TW_MENURUN",
    "TahunKurang",
    "capaian",
    "capaian_dipakai",
    "capaian_tw",
    "cek_tw",
    "dekat",
    "efisiensi",
    "jarak_rentang",
    "jumlah",
    "kemajuan_renstra",
    "lebih",
    "membaik",
    "nilai_sd",
    "nilai_tahunan",
    "penyerapan",
    "perubahan",
    "predikat",
    "realisasi_sd",
    "rerata",
    "tahun_kurang",
    "target_akhir_renstra",
    "terakhir",
]
