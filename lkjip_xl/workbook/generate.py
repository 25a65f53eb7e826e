"""`lkjip-xl new`: a ready-to-fill workbook, empty or prefilled from a data document."""

from __future__ import annotations

import os
from collections.abc import Callable

from lkjip_xl.core.errors import DataFormatError
from lkjip_xl.core.model import Dokumen, Instansi, Renstra
from lkjip_xl.schema.sheets import PRIOR_YEARS, RENSTRA_SLOTS
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.atomic import write_atomic


def empty_dokumen(tahun: int, instansi: str | None = None) -> Dokumen:
    return Dokumen(tahun=tahun, instansi=Instansi(nama=instansi or ""))


def check_fits_layout(dok: Dokumen) -> None:
    """What the workbook cannot hold is refused with the data path, never dropped silently."""
    for si, s in enumerate(dok.sasaran):
        for ii, ind in enumerate(s.indikator):
            path = f"sasaran[{si}].indikator[{ii}]"
            years = [y for y, v in ind.target_renstra.items() if v is not None]
            if years and dok.renstra is None:
                raise DataFormatError(
                    f"{path}.target_renstra: butuh 'renstra' (awal, akhir) untuk menempatkan tahun",
                    f"{path}.target_renstra: needs 'renstra' (awal, akhir) to place the years")
            r: Renstra | None = dok.renstra
            for y in years:
                if r is not None and not (r.awal <= y < r.awal + RENSTRA_SLOTS):
                    raise DataFormatError(
                        f"{path}.target_renstra.{y}: di luar periode Renstra {r.awal}-"
                        f"{r.awal + RENSTRA_SLOTS - 1}",
                        f"{path}.target_renstra.{y}: outside the Renstra period {r.awal}-"
                        f"{r.awal + RENSTRA_SLOTS - 1}")
            for y, v in ind.realisasi_lalu.items():
                if v is not None and not (dok.tahun - PRIOR_YEARS <= y < dok.tahun):
                    raise DataFormatError(
                        f"{path}.realisasi_lalu.{y}: workbook menyimpan {PRIOR_YEARS} tahun "
                        f"sebelum {dok.tahun}",
                        f"{path}.realisasi_lalu.{y}: the workbook keeps the {PRIOR_YEARS} years "
                        f"before {dok.tahun}")


def new_workbook(dok: Dokumen, out: str | os.PathLike[str], *, force: bool = False,
                 inputs: tuple[str | os.PathLike[str], ...] = (),
                 progress: Callable[[str], None] | None = None) -> None:
    """Write the workbook for `dok` to `out`, atomically."""

    check_fits_layout(dok)
    write_atomic(out, lambda tmp: write_workbook(dok, tmp, progress=progress),
                 inputs=inputs, force=force)
