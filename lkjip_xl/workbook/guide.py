"""The Petunjuk (instructions) sheet: its text, in Bahasa Indonesia, and how it prints.

It is the first page staff print: one portrait page wide at full size (the column fits the
paper, so nothing is shrunk or runs off the edge), each line's row as tall as its wrapped text
(a spreadsheet program keeps a written row's height: lines would print over each other).
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.worksheet import Worksheet

from lkjip_xl.schema import SHEETS, printing

TITLE_PT = 21.0  # the title line, in a larger font


def guide_lines() -> list[str]:
    lines = [
        "Workbook ini dibuat oleh lkjip-xl untuk menyusun Pengukuran Kinerja dan LKjIP.",
        "",
        "Cara mengisi:",
        "1. Sel berwarna kuning muda adalah isian. Sel berwarna biru keabuan dihitung otomatis "
        "dan dikunci; jangan diketik ulang.",
        "2. Isi Profil dan Pengaturan lebih dulu, lalu Sasaran, Renstra & IKU, RKT, PK, "
        "Rencana Aksi, Realisasi Kinerja, Program dan Realisasi Anggaran.",
        "3. Baris dihubungkan dengan KODE, bukan dengan urutan atau nama. Kode indikator di PK, "
        "Rencana Aksi dan Realisasi Kinerja harus sama persis dengan di Renstra & IKU: pilih "
        "dari daftar di sel kode (kode sasaran dan kode program juga), jangan diketik ulang.",
        "4. Ketik angka tanpa titik ribuan, tanpa 'Rp' dan tanpa '%': 66 berarti 66 bila "
        "satuannya %. Desimal memakai pemisah sesuai Excel Anda.",
        "5. Sel kosong berarti belum dilaporkan; 0 berarti nol. Jangan mengisi 0 untuk data "
        "yang belum ada.",
        "6. Nilai triwulan ditulis sesuai Pengaturan 'Penulisan nilai triwulan': kumulatif "
        "(total s.d. triwulan itu, TW IV = setahun) atau per_triwulan.",
        "7. Program pendukung (administrasi, sarana, aparatur) dikosongkan kode sasarannya; "
        "anggarannya dilaporkan terpisah.",
        "8. Periksa workbook dengan: lkjip-xl verify NAMA_FILE.xlsx",
        "9. Area cetak setiap sheet mengikuti isian saat workbook dibuat. Setelah menambah baris "
        "atau mengisi kolom baru, cetak dari hasil lkjip-xl measure (area cetaknya diatur "
        "ulang); verify memberi tahu sheet yang area cetaknya tertinggal.",
        "",
        "Aturan pengukuran (lihat sheet Pengaturan):",
        "- Capaian positif = realisasi / target x 100.",
        "- Capaian negatif (LAN) = (2 - realisasi/target) x 100; varian invers = target / "
        "realisasi x 100.",
        "- Capaian rentang = 100 di dalam rentang; di bawah: R/min x 100; di atas: "
        "(2 - R/maks) x 100.",
        "- Target 0 atau realisasi kosong: capaian dikosongkan (bukan 0).",
        "- Penyerapan = jumlah realisasi / jumlah anggaran x 100 di setiap tingkat.",
        "- Tingkat kemajuan = realisasi s.d. tahun ini / target akhir Renstra x 100.",
        "",
        "Isi setiap sheet:",
    ]
    for s in SHEETS[1:]:
        lines.append(f"- {s.name}: {s.title}. {' '.join(s.guide)}")
    return lines


def guide_width(kertas: str | None) -> float:
    """The text column's width (Excel characters): the portrait page's width between the
    margins, at 100 %."""
    _, w, _ = printing.PAPERS.get(kertas or "A4", printing.PAPERS["A4"])
    body_px = (w - printing.MARGINS["left"] - printing.MARGINS["right"]) * 96
    return float(int((body_px * printing.SAFETY - 5) / 7))


def write_guide(ws: Worksheet, title: str, title_fmt: Any, wrap_fmt: Any,
                kertas: str | None) -> None:
    width = guide_width(kertas)
    ws.set_column(0, 0, width)
    ws.write_string(0, 0, title, title_fmt)
    ws.set_row(0, TITLE_PT)
    lines = guide_lines()
    for n, line in enumerate(lines, start=2):
        ws.write_string(n, 0, line, wrap_fmt)
        wrapped = printing.wrapped_lines(line, width) if line else 1
        if wrapped > 1:
            ws.set_row(n, printing.ROW_PT * wrapped)
    ws.protect("")
    # printed like every other sheet: the workbook's paper, one page wide, numbered
    ws.print_area(0, 0, len(lines) + 1, 0)
    ws.set_paper(printing.paper_code(kertas))
    ws.set_portrait()
    ws.set_margins(**printing.MARGINS)
    ws.fit_to_pages(1, 0)
    ws.set_footer("&C&8Halaman &P dari &N")


def extend_guide(ws: Worksheet, lines: list[str], fmt: Any, first_fmt: Any,
                 kertas: str | None) -> None:
    """A planning unit's own lines under the guide (`new --template`): sized and printed the
    same way; user text, always a string (write_string), the second line in `first_fmt`."""
    width = guide_width(kertas)
    start = 2 + len(guide_lines())
    for n, line in enumerate(lines):
        ws.write_string(start + n, 0, line, first_fmt if n == 1 else fmt)
        wrapped = printing.wrapped_lines(line, width) if line else 1
        if wrapped > 1:
            ws.set_row(start + n, printing.ROW_PT * wrapped)
    ws.print_area(0, 0, start + len(lines) - 1, 0)
