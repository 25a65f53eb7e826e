"""Every line the commands print that is not a finding: one table, both languages.

Findings have their own catalogue (the Entry tables beside this module); these are the words
around them: level labels, "written", progress labels, summaries, verdict words. `line(key, lang,
**params)` renders one through the catalogue's `render`, as a finding's message is; a test checks
every key has both languages and the same placeholders.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.catalogue import render

LINES: dict[str, tuple[str, str]] = {
    # usage errors and last-resort errors of the commands
    "usage.single_file": ("--annotate/--engine hanya untuk satu berkas",
                          "--annotate/--engine take a single file"),
    "usage.together": ("{options} tidak bisa dipakai bersama", "{options} cannot be used together"),
    "and": ("dan", "and"),  # joins the options named in usage.together
    "usage.new_source": ("butuh --data FILE, --from FILE atau --tahun TAHUN",
                         "needs --data FILE, --from FILE or --tahun YEAR"),
    "error.memory": ("galat: memori tidak cukup untuk file ini",
                     "error: not enough memory for this file"),
    "error.internal": ("galat internal: {error} (jalankan dengan --debug untuk rincian)",
                       "internal error: {error} (run with --debug for details)"),
    # the annotated copy's Temuan sheet
    "temuan.headers": ("Kode|Tingkat|Lokasi|Ditemukan|Seharusnya|Pesan",
                       "Code|Severity|Location|Found|Expected|Message"),
    # the level of a line on stderr, by finding severity
    "level.error": ("galat", "error"),
    "level.warning": ("peringatan", "warning"),
    "level.info": ("catatan", "note"),
    # what a command wrote
    "written": ("ditulis: {path}", "written: {path}"),
    "written.measure": ("ditulis: {path} ({tables} tabel Bab III, {charts} grafik)",
                        "written: {path} ({tables} Bab III tables, {charts} charts)"),
    "written.rekap": ("ditulis: {path} ({included} instansi direkap, {left} berkas tidak direkap)",
                      "written: {path} ({included} agencies consolidated, {left} files left out)"),
    "written.batch": ("{ok} workbook ditulis ke {path}, {failed} gagal",
                      "{ok} workbooks written to {path}, {failed} failed"),
    # measure of a workbook verify fails: the same DRAF rule as laporan's document
    "measure.draf": ("DRAF: workbook belum lolos verify ({errors} temuan terbuka); sheet Bab III dan "
                     "Grafik bertanda DRAF, temuan terbuka di sheet {sheet}",
                     "DRAFT: the workbook did not pass verify ({errors} open findings); the Bab III and "
                     "chart sheets say DRAF, the open findings are on sheet {sheet}"),
    "draf.mark": ("DRAF: belum lolos verifikasi lkjip-xl ({count} temuan terbuka, lihat sheet "
                  "{sheet})",
                  "DRAFT: not passed by lkjip-xl verification ({count} open findings, see sheet "
                  "{sheet})"),
    "draf.header": ("DRAF", "DRAFT"),
    "draf.title": ("Temuan verifikasi yang masih terbuka: {count}",
                   "Verification findings still open: {count}"),
    "draf.note": ("Workbook sumbernya belum lolos lkjip-xl verify: tabel Bab III dan grafik di "
                  "file ini DRAF. Perbaiki isian di sel berikut, lalu jalankan measure lagi.",
                  "The source workbook did not pass lkjip-xl verify: the Bab III tables and "
                  "charts of this file are a DRAFT. Fix the inputs in these cells, then run "
                  "measure again."),
    "draf.headers": ("No|Kode|Lokasi|Pesan", "No|Code|Location|Message"),
    "draf.more": ("... {count} temuan lain: jalankan lkjip-xl verify untuk daftar lengkap",
                  "... {count} more findings: run lkjip-xl verify for the full list"),
    "rekap.left_out": ("{status}: {name}: {why}", "{status}: {name}: {why}"),
    "more_errors": ("+{count} galat lain", "+{count} more errors"),
    "more_errors.list": ("  ... {count} galat lain", "  ... {count} more errors"),
    # progress labels
    "progress.checking": ("memeriksa", "checking"),
    "progress.writing": ("membuat workbook", "writing workbooks"),
    "progress.export": ("mengekspor", "exporting"),
    # the CLI's own
    "aborted": ("dibatalkan", "aborted"),
    "files": ("berkas", "files"),
    # verify's text report
    "workbook": ("(buku kerja)", "(workbook)"),
    "verdict.lulus": ("LULUS", "PASSED"),
    "verdict.belum-diisi": ("BELUM DIISI", "NOT FILLED IN"),
    "verdict.gagal": ("GAGAL", "FAILED"),
    "verdict.bukan-format-lkjip": ("BUKAN FORMAT LKJIP", "NOT AN LKJIP WORKBOOK"),
    "verdict.tidak-terbaca": ("TIDAK TERBACA", "UNREADABLE"),
    # the batch summary (planning/summary.py): a verdict's word in a row, the table's headers
    "status.lulus": ("lulus", "passed"),
    "status.belum-diisi": ("belum diisi", "not filled in"),
    "status.gagal": ("gagal", "failed"),
    "status.bukan-format-lkjip": ("bukan format lkjip", "not an lkjip workbook"),
    "status.tidak-terbaca": ("tidak terbaca", "unreadable"),
    "summary.headers": ("File|Instansi|Status|Galat|Peringatan|Capaian rata-rata (%)|Penyerapan (%)",
                        "File|Agency|Status|Errors|Warnings|Mean achievement (%)|Absorption (%)"),
    "summary": ("{path}: {verdict}: {errors} galat, {warnings} peringatan, {info} info",
                "{path}: {verdict}: {errors} error(s), {warnings} warning(s), {info} info"),
    "causes": ("{roots} penyebab perlu diperbaiki; {cells} sel ikut salah karenanya",
               "{roots} cause(s) to fix; {cells} cell(s) are wrong because of them"),
    "causes.cells": ("      -> {count} sel ikut salah karenanya: {first}",
                     "      -> {count} cell(s) wrong because of it: {first}"),
    "causes.count": ("({count} sel ikut salah karenanya, tercantum di bawahnya)",
                     "({count} cell(s) wrong because of it, listed below)"),
    "causes.cause": ("      -> akibat dari {cause}", "      -> follows from {cause}"),
    # the year computed from fewer quarters than due (core/year_end.py): measure's Bab III and
    # the LKjIP document under the capaian table, and `new --from`
    "year_end.note": ("Tahun belum lengkap (s.d. {sampai}): {items}. Realisasinya dihitung dari "
                      "triwulan yang sudah dilaporkan saja; capaian dan predikatnya belum final.",
                      "Year incomplete (to {sampai}): {items}. Their realisation is computed "
                      "from the quarters reported so far; capaian and predicate are not final."),
    "year_end.item": ("{kode} ({kosong} kosong, dihitung dari {dari})",
                      "{kode} ({kosong} empty, computed from {dari})"),
    # new --from: the agency's own text carried as a start (planning/carry.py)
    "carry.agency_text": ("tugas dan fungsi, struktur organisasi, isu strategis dan tabel SDM "
                          "dibawa dari {tahun} (sheet Narasi): periksa dan perbarui; kata "
                          "pengantar, simpulan, langkah ke depan dan analisis sasaran dikosongkan",
                          "tugas dan fungsi, struktur organisasi, isu strategis and the SDM "
                          "table carried from {tahun} (sheet Narasi): check and update them; the "
                          "kata pengantar, simpulan, langkah ke depan and sasaran analysis are "
                          "left empty"),
    "year_end.carry": ("tahun {tahun} belum lengkap, Realisasi N-1 dibiarkan kosong (isi setelah "
                       "angka akhirnya ada): {items}",
                       "year {tahun} incomplete, Realisasi N-1 left empty (fill it in once the "
                       "final figure is known): {items}"),
    # the parts of `kelengkapan`, each only when something is missing there
    "kelengkapan.indikator": ("{indikator_kosong} dari {indikator} indikator tanpa realisasi "
                              "({indikator_kode})",
                              "{indikator_kosong} of {indikator} indicators without a "
                              "realisation ({indikator_kode})"),
    "kelengkapan.kegiatan": ("{kegiatan_kosong} dari {kegiatan} kegiatan tanpa realisasi "
                             "anggaran ({kegiatan_kode})",
                             "{kegiatan_kosong} of {kegiatan} kegiatan without spending "
                             "({kegiatan_kode})"),
    # the parts of `narasi-belum-lengkap`, each only when something is missing there
    "narasi.fields": ("{narasi} (sheet Narasi)", "{narasi} (sheet Narasi)"),
    "narasi.all": ("semua", "all"),  # every analysis field of a sasaran is empty
    "narasi.sasaran": ("analisis sasaran belum diisi: {sasaran} (sheet Sasaran)",
                       "sasaran analysis missing: {sasaran} (sheet Sasaran)"),
    "level.label.error": ("GALAT", "ERROR"),
    "level.label.warning": ("PERINGATAN", "WARNING"),
    "level.label.info": ("INFO", "INFO"),
}


def line(key: str, lang: str = "id", **params: Any) -> str:
    """One line in `lang`, rendered as every message is (numbers in the reader's form)."""
    return render(LINES[key], lang, params)


def level(severity: str, lang: str = "id") -> str:
    """The lower-case level word a stderr line starts with (galat / peringatan / catatan)."""
    return line(f"level.{severity}", lang) if f"level.{severity}" in LINES else severity


__all__ = ["LINES", "level", "line"]
