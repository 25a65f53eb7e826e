"""Synthetic agencies for tests, benchmarks and demonstrations of the batch tools.

`synthetic_dokumen(n)` gives a plausible, varied agency year (names, sasaran, indicators of each
polarity, support and outcome programmes, budgets and realisations) from a seeded generator, so
the same n always gives the same agency. `patch_cell` edits one cell of a written workbook in
place (its sheet XML only), to inject the faults agencies make: a computed cell typed over, a
number typed as text.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import tempfile
import zipfile
from xml.sax.saxutils import escape

from lkjip_xl.core.model import Dokumen, Indikator, Instansi, Kegiatan, Kepala, Program, Renstra, Sasaran
from lkjip_xl.planning.build import write_agency_workbook
from lkjip_xl.planning.roster import output_name

DINAS = ("Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Perhubungan",
         "Lingkungan Hidup", "Sosial", "Koperasi dan UMKM", "Pariwisata", "Kebudayaan",
         "Kependudukan dan Pencatatan Sipil", "Komunikasi dan Informatika", "Pertanian",
         "Perikanan", "Perindustrian", "Perdagangan", "Tenaga Kerja", "Pemuda dan Olahraga",
         "Ketahanan Pangan", "Perumahan dan Kawasan Permukiman", "Penanaman Modal dan PTSP",
         "Perpustakaan dan Kearsipan", "Pemberdayaan Perempuan dan Perlindungan Anak",
         "Pengendalian Penduduk dan KB", "Pemadam Kebakaran")
BADAN = ("Perencanaan Pembangunan Daerah", "Pengelolaan Keuangan dan Aset Daerah",
         "Kepegawaian dan Pengembangan SDM", "Penanggulangan Bencana Daerah",
         "Kesatuan Bangsa dan Politik", "Pendapatan Daerah")
KOTA = ("Denpasar", "Contoh", "Singaraja", "Tabanan", "Gianyar")
NAMA = ("I Made Sudarsana", "Ni Luh Putu Ariani", "I Wayan Suteja", "Ni Ketut Sriani",
        "Anak Agung Gede Rai", "I Gusti Ayu Putri", "I Nyoman Widya", "Ni Made Sari")
SUPPORT = ("Program Pelayanan Administrasi Perkantoran",
           "Program Peningkatan Sarana dan Prasarana Aparatur")


def agency_name(n: int) -> str:
    names = [f"Dinas {x}" for x in DINAS] + [f"Badan {x}" for x in BADAN]
    base = names[n % len(names)]
    kota = KOTA[(n // len(names)) % len(KOTA)]
    return f"{base} Kota {kota}" + (f" {n // (len(names) * len(KOTA)) + 1}"
                                    if n >= len(names) * len(KOTA) else "")


def synthetic_dokumen(n: int, tahun: int = 2019) -> Dokumen:
    """Agency number n (0, 1, 2, ...): deterministic and different for each n."""
    rng = random.Random(7919 * n + tahun)
    kota = KOTA[(n // (len(DINAS) + len(BADAN))) % len(KOTA)]
    dok = Dokumen(
        tahun=tahun,
        instansi=Instansi(agency_name(n), f"Kota {kota}",
                          Kepala(rng.choice(NAMA), f"19{rng.randint(60, 85)}0{rng.randint(1, 9)}"
                                 f"{rng.randint(10, 28)} 19{rng.randint(85, 99)}03 1 0"
                                 f"{rng.randint(10, 99)}", "Kepala", "Pembina Utama Muda")),
        renstra=Renstra(tahun - 3, tahun + 2),
    )
    for sn in range(1, rng.randint(1, 3) + 1):
        sas = Sasaran(f"S{sn}", f"Meningkatnya kinerja urusan {sn} {dok.instansi.nama}",
                      f"Tujuan {sn}")
        for k in range(1, rng.randint(1, 3) + 1):
            pol = rng.choice(("positif", "positif", "positif", "negatif"))
            target = float(rng.randint(40, 95))
            realisasi = round(target * rng.uniform(0.7, 1.15), 2)
            renstra: dict[int, float | None] = {tahun - 2 + j: target + j - 2 for j in range(5)}
            ind = Indikator(
                kode=f"S{sn}.{k}", uraian=f"Persentase capaian layanan {sn}.{k}", satuan="%",
                polaritas=pol, agregasi="akhir", target_renstra=renstra, target_rkt=target,
                target=target, target_tw=[None, None, None, target],
                realisasi_tw=[None, None, None, realisasi], realisasi=realisasi,
                realisasi_lalu={tahun - 1: round(realisasi * rng.uniform(0.85, 1.05), 2)})
            sas.indikator.append(ind)
        dok.sasaran.append(sas)
    programs: list[Program] = [Program(f"P{i + 1}", name, None) for i, name in enumerate(SUPPORT)]
    for s in dok.sasaran:
        programs.append(Program(f"P{len(programs) + 1}", f"Program urusan {s.kode}", s.kode))
    for p in programs:
        for k in range(1, rng.randint(1, 5) + 1):
            anggaran = float(rng.randint(50, 900) * 1_000_000 + rng.randint(0, 999) * 1000)
            realisasi = float(round(anggaran * rng.uniform(0.7, 1.0), -3))
            p.kegiatan.append(Kegiatan(f"{p.kode}.{k:02d}", f"Kegiatan {k} {p.uraian}",
                                       anggaran, realisasi))
    dok.program = programs
    return dok


def _sheet_part(z: zipfile.ZipFile, sheet: str) -> str:
    wb = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    m = re.search(r'<sheet name="' + re.escape(escape(sheet, {'"': "&quot;"}))
                  + r'" sheetId="\d+" r:id="(rId\d+)"', wb)
    if m is None:
        raise KeyError(sheet)
    t = re.search(r'<Relationship Id="' + m.group(1) + r'" Type="[^"]+" Target="([^"]+)"', rels)
    if t is None:
        raise KeyError(sheet)
    target = t.group(1).lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


def patch_cell(path: str | os.PathLike[str], sheet: str, ref: str, value: float | str) -> None:
    """Replace cell `ref` of `sheet` (formula or value) by a typed number or text, in place."""
    with zipfile.ZipFile(path) as z:
        part = _sheet_part(z, sheet)
        xml = z.read(part).decode("utf-8")
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    cell = re.compile(r'<c r="' + ref + r'"( s="\d+")?[^>]*?(?:/>|>.*?</c>)', re.S)
    m = cell.search(xml)
    if m is None:
        raise KeyError(f"{sheet}!{ref}")
    style = m.group(1) or ""
    if isinstance(value, str):
        new = f'<c r="{ref}"{style} t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    else:
        new = f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    xml = xml[: m.start()] + new + xml[m.end():]
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=os.path.dirname(os.path.abspath(path)))
    os.close(fd)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            out.writestr(info, xml.encode("utf-8") if info.filename == part else data)
    shutil.move(tmp, path)





def write_synthetic(job: tuple[int, str, int]) -> str:
    """Write synthetic agency n's workbook into a folder: job = (n, folder, tahun). For pools."""

    n, folder, tahun = job
    dok = synthetic_dokumen(n, tahun)
    out = os.path.join(folder, output_name(dok.instansi.nama, tahun))
    write_agency_workbook(dok, out, force=True)
    return out
__all__ = ["synthetic_dokumen", "agency_name", "patch_cell", "write_synthetic"]
