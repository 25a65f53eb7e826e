"""The `laporan` command's own lines, both languages (kept apart from lines.py, which every
command shares, so that this command's words do not crowd it)."""

from __future__ import annotations

from typing import Any

from lkjip_xl.catalogue import render

LINES: dict[str, tuple[str, str]] = {
    "written": ("ditulis: {path} ({tables} tabel, {placeholders} bagian masih harus diisi)",
                "written: {path} ({tables} tables, {placeholders} parts still to fill in)"),
    "draf": ("DRAF: workbook belum lolos verify ({errors} temuan terbuka); dokumen bertanda DRAF di "
             "setiap halaman dengan daftar temuan di depan",
             "DRAFT: the workbook did not pass verify ({errors} open findings); the document says DRAF "
             "on every page and lists the findings at the front"),
    "no_document": ("tidak ada dokumen: {path}: {why}", "no document: {path}: {why}"),
    "not_layout": ("bukan workbook format lkjip-xl", "not an lkjip-xl workbook"),
    "folder_needs_dir": ("untuk sebuah folder, -o harus folder keluaran",
                         "for a folder, -o must be an output folder"),
    "progress": ("membuat laporan", "writing reports"),
    "progress_one": ("membuat laporan", "writing the report"),
    "writer_missing": ("--pdf memerlukan LibreOffice Writer, yang tidak terpasang: pasang paket "
                       "libreoffice-writer (apt-get install libreoffice-writer)",
                       "--pdf needs LibreOffice Writer, which is not installed: install the "
                       "package libreoffice-writer (apt-get install libreoffice-writer)"),
    "to_fill": ("  masih harus diisi: {what}", "  still to fill in: {what}"),
    # an incomplete year in the document's sentences (core/year_end.py): never presented as final,
    # never a sentence with empty numbers
    "year_partial": ("; {count} indikator belum lengkap ({kosong} belum dilaporkan)",
                     "; {count} indicators incomplete ({kosong} not reported)"),
    "budget": ("{opening} Rp {anggaran} terealisasi Rp {realisasi} atau {penyerapan} dari pagu.",
               "{opening} Rp {anggaran}, spent Rp {realisasi} or {penyerapan} of the allocation."),
    "budget_unreported": ("{opening} Rp {anggaran}; realisasinya belum dilaporkan.",
                          "{opening} Rp {anggaran}; its spending is not reported yet."),
    "budget_partial": (" Realisasi tahunan {count} kegiatan belum dilaporkan ({kode}; hanya "
                       "realisasi triwulannya yang diisi), tidak termasuk dalam jumlah ini.",
                       " The annual spending of {count} kegiatan is not reported ({kode}; only "
                       "their quarters are filled in), not included in this sum."),
    "batch": ("{ok} laporan ditulis ke {path} ({draf} DRAF), {failed} gagal",
              "{ok} reports written to {path} ({draf} DRAFT), {failed} failed"),
}


def text(key: str, lang: str, **params: Any) -> str:
    """One of these lines in `lang`, rendered as every message is (catalogue `render`)."""
    return render(LINES[key], lang, params)
