"""Published figures of real agencies, typed into an empty workbook through LibreOffice as staff do
(python3-uno), read back, and evaluated: the E.81 of the workbook reproduces the print.

The same figures are reproduced from the domain core alone in tests/test_renja_domain.py; here
nothing is handed to the core directly: the workbook's cells, typed in Calc, are the only input.
Sources are cited at each document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl.cli import run_main
from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.model import (
    Dokumen,
    IndikatorProgram,
    Instansi,
    Kegiatan,
    Pengaturan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
)
from lkjip_xl.workbook.read import read_workbook
from tests.test_differential import loud
from tests.test_typed_in_libreoffice import _uno_missing, edits_for, type_into

N = None


def sumut_2021() -> Dokumen:
    """Laporan Kinerja Sekretariat Daerah Provinsi Sumatera Utara 2021, Tabel 19 (p. 41),
    https://fliphtml5.com/xgkox/cyxe/LAPORAN_KINERJA_SEKRETARIAT_DAERAH_PROVINSI_SUMATERA_UTARA_TAHUN_2021/49
    Programme Pemerintahan dan Otonomi Daerah: four sub-kegiatan, pagu and annual spending."""
    def sub(kode: str, pagu: int, real: int) -> SubKegiatan:
        return SubKegiatan(kode, f"Sub-kegiatan {kode}", anggaran=pagu, realisasi=real)

    k1 = Kegiatan("1.01.01", "Pelaksanaan Tugas Pemerintahan",
                  sub_kegiatan=[sub("1.01.01.1", 749_930_215, 702_188_300)])
    k2 = Kegiatan("1.01.02", "Fasilitasi Kerjasama Daerah", sub_kegiatan=[
        sub("1.01.02.1", 216_194_000, 188_957_200), sub("1.01.02.2", 378_896_500, 351_953_546),
        sub("1.01.02.3", 398_379_650, 307_055_630)])
    return Dokumen(tahun=2021, instansi=Instansi("Sekretariat Daerah", "Provinsi Sumatera Utara"),
                   sasaran=[Sasaran("SS3", "Sasaran Strategis 3")],
                   program=[Program("1.01", "Pemerintahan dan Otonomi Daerah", "SS3", [k1, k2])])


def polman_2022(nilai_tw: str) -> Dokumen:
    """Pengukuran Kinerja 2022, Sub Bidang Penyusunan Anggaran, Kabupaten Polewali Mandar,
    https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022
    The four periods with figures typed in order into the quarter cells: each period's own
    amount under `per_triwulan`, running totals under `kumulatif`."""
    def typed(values: tuple[float | None, ...]) -> list[float | None]:
        if nilai_tw == "per_triwulan":
            return list(values)
        out, total = [], 0.0
        for v in values:
            total += v or 0
            out.append(None if v is None else total)
        return out

    persen = IndikatorProgram("1", "Persentase dokumen anggaran tepat waktu", "persen",
                              agregasi="akhir", target=95.56, realisasi_tw=[93, 93, N, N])
    dokumen = IndikatorProgram("2", "Jumlah dokumen RKA", "dokumen", agregasi="kumulatif",
                               target=2, realisasi_tw=typed((1, 0, 2, N)))
    laporan = IndikatorProgram("3", "Jumlah laporan", "laporan", agregasi="kumulatif",
                               target=3, realisasi_tw=typed((1, 1, 1, 2)))
    # the annual spending typed too, as the sheet asks (quarters alone warn anggaran-tahun-kosong)
    s1 = SubKegiatan("5.01.01.1", "Penyusunan RKA", anggaran=808_430_200, realisasi=805_369_584,
                     realisasi_tw=typed((177_776_900, 139_800_500, 156_653_392, 331_138_792)),
                     indikator=[persen, dokumen])
    s2 = SubKegiatan("5.01.01.2", "Penyusunan DPA", anggaran=195_992_600, realisasi=195_603_374,
                     realisasi_tw=typed((N, 77_484_600, 2_573_700, 115_545_074)),
                     indikator=[laporan])
    keg = Kegiatan("5.01.01", "Penyusunan anggaran", sub_kegiatan=[s1, s2])
    return Dokumen(tahun=2022, instansi=Instansi("BPKD", "Kabupaten Polewali Mandar"),
                   renstra=Renstra(2022, 2026), pengaturan=Pengaturan(nilai_tw=nilai_tw),
                   sasaran=[Sasaran("S1", "Pengelolaan keuangan")],
                   program=[Program("5.01", "Pengelolaan keuangan daerah", "S1", [keg])])


def _template(tmp: Path, tahun: int) -> Path:
    out = tmp / f"kosong-{tahun}.xlsx"
    assert run_main(["new", "--tahun", str(tahun), "--instansi", "Dinas Uji", "-o", str(out)]) == 0
    return out


def _typed(dok: Dokumen, tmp: Path, name: str) -> tuple[Dokumen, Path]:
    path = type_into(_template(tmp, dok.tahun), tmp / f"{name}.xlsx", edits_for(dok))
    got, _ = read_workbook(path)
    return got, path


@pytest.mark.libreoffice
@pytest.mark.slow
def test_sumut_2021_absorption_typed_in_libreoffice(tmp_path: Path) -> None:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    dok, path = _typed(sumut_2021(), tmp_path, "sumut")
    rows = {p.kode: p for p in evaluasi_renja(dok).pemilik}
    for kode, printed in (("1.01.01.1", 93.6), ("1.01.02.1", 87.4), ("1.01.02.2", 92.9)):
        assert round(rows[kode].rp.k12a, 1) == printed
    assert round(rows["1.01.02.3"].rp.k12a, 1) == 77.1  # printed 80.5: the print's slip
    prog = rows["1.01"].rp
    assert (prog.k7, prog.k12) == (1_743_400_365, 1_550_154_676)
    assert round(prog.k12a, 1) == 88.9  # weighted; the print's 88.6 is the mean of percentages
    assert loud(path) == []


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("nilai_tw", ["per_triwulan", "kumulatif"])
def test_polman_2022_typed_in_libreoffice(nilai_tw: str, tmp_path: Path) -> None:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    dok, path = _typed(polman_2022(nilai_tw), tmp_path, f"polman-{nilai_tw}")
    assert dok.pengaturan.nilai_tw == nilai_tw
    ev = evaluasi_renja(dok)
    rows = {p.kode: p for p in ev.pemilik}
    s1, s2, keg = rows["5.01.01.1"], rows["5.01.01.2"], rows["5.01.01"]
    assert s1.rp.k12 == 805_369_584 and round(s1.rp.k12a, 2) == 99.62
    assert s2.rp.k12 == 195_603_374 and round(s2.rp.k12a, 2) == 99.80
    assert keg.rp.k7 == 1_004_422_800 and keg.rp.k12 == 1_000_972_958
    assert round(keg.rp.k12a, 2) == 99.66
    assert keg.rp.tw == (177_776_900, 217_285_100, 159_227_092, 446_683_866)
    # the quarters as typed give the same year as the annual cell (no tw-* reason)
    assert not [a for a in s1.rp.alasan + s2.rp.alasan if a.kode.startswith("tw-")]
    persen, dokumen = (b.k for b in s1.indikator)
    assert persen.k12 == 93 and round(persen.k12a, 2) == 97.32  # a level: its last value
    assert dokumen.k12 == 3 and round(dokumen.k12a, 2) == 150.00
    laporan = s2.indikator[0].k
    assert laporan.k12 == 5 and round(laporan.k12a, 2) == 166.67
    assert loud(path) == []


@pytest.mark.libreoffice
@pytest.mark.slow
def test_codes_calc_takes_for_numbers(tmp_path: Path) -> None:
    """Codes like 4.01 and 4.02 typed in Calc become numbers: every table that finds a kegiatan's
    sub-kegiatan by code still finds them (SUMIFS criteria coerce, an equality in SUMPRODUCT
    does not: the older Anggaran Kegiatan's count compared the typed number with its own text)."""
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    subs = [SubKegiatan("4.01.1", "Sub A", anggaran=100_000, realisasi=90_000),
            SubKegiatan("4.01.2", "Sub B", anggaran=300_000, realisasi=150_000)]
    dok = Dokumen(tahun=2021, instansi=Instansi("Dinas Uji", "Kota Uji"),
                  sasaran=[Sasaran("1", "Sasaran")],
                  program=[Program("4", "Program", "1", [Kegiatan("4.01", "Kegiatan", sub_kegiatan=subs),
                                                         Kegiatan("4.02", "Lain", anggaran=50_000,
                                                                  realisasi=50_000)])])
    got, path = _typed(dok, tmp_path, "kode-angka")
    rows = {p.kode: p for p in evaluasi_renja(got).pemilik}
    assert rows["4.01"].rp.k7 == 400_000 and rows["4.01"].rp.k12 == 240_000
    assert loud(path) == []
