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
    # the Renja evaluation (laporan/renja.py): Bab III item 7 and the E.81 lampiran
    "item7_title": ("Capaian program dan kegiatan serta penyerapan anggaran sasaran {sasaran} "
                    "tahun {tahun}",
                    "Programme and activity achievement and budget absorption, objective "
                    "{sasaran}, {tahun}"),
    "item7_owner": ("Program / kegiatan / sub kegiatan", "Programme / activity / sub-activity"),
    "item7_indikator": ("Indikator kinerja (outcome / output)", "Indicator (outcome / output)"),
    "item7_k7": ("Target {tahun}", "Target {tahun}"),
    "item7_k12": ("Realisasi {tahun}", "Realisation {tahun}"),
    "item7_k12a": ("Capaian (%)", "Achievement (%)"),
    "item7_rp7": ("Pagu {tahun}", "Allocation {tahun}"),
    "item7_rp12": ("Realisasi anggaran", "Spent"),
    "item7_rp12a": ("Penyerapan (%)", "Absorption (%)"),
    "item7_note": ("Capaian = kolom 12a K Formulir E.81 (realisasi terhadap target Renja); "
                   "penyerapan = kolom 12a Rp (realisasi anggaran terhadap pagu, program: "
                   "jumlah kegiatannya). Rincian lengkap di lampiran Evaluasi Hasil Renja.",
                   "Achievement = column 12a K of Formulir E.81 (realisation against the Renja "
                   "target); absorption = column 12a Rp (spending against the allocation; a "
                   "programme: its kegiatan summed). The full form is in the lampiran."),
    "renja_tanpa_indikator": ("(belum ada indikator)", "(no indicator yet)"),
    "renja_pendukung": ("Program penunjang (tanpa sasaran)", "Support programmes (no objective)"),
    "renja_acuan": ("(sasaran RPJMD: {acuan})", "(RPJMD objective: {acuan})"),
    "e81_heading": ("Evaluasi Hasil Renja (Formulir E.81)",
                    "Evaluation of the Renja results (Formulir E.81)"),
    "e81_title": ("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
                  "EVALUATION OF THE AGENCY'S RENJA RESULTS"),
    "e81_renja": ("Renja Perangkat Daerah {instansi} {pemda}", "Renja of {instansi} {pemda}"),
    "e81_periode": ("Periode pelaksanaan: tahun {tahun}", "Period: {tahun}"),
    "e81_acuan": ("Indikator dan target kinerja perangkat daerah yang mengacu pada sasaran RKPD: "
                  "{acuan}",
                  "The agency's indicators and targets serving the RKPD objectives: {acuan}"),
    "e81_acuan_isi": ("sasaran RKPD / RPJMD yang diacu", "the RKPD / RPJMD objective served"),
    "e81_acuan_where": ("(sheet Sasaran, Sasaran RPJMD / RKPD acuan)",
                        "(sheet Sasaran, RPJMD / RKPD objective served)"),
    "e81_table": ("Evaluasi hasil Renja tahun {tahun} (Formulir E.81), kolom 1-4 dan {kolom}",
                  "Evaluation of the {tahun} Renja (Formulir E.81), columns 1-4 and {kolom}"),
    "e81_legend": ("Kolom {kolom}. K = kinerja, Rp = anggaran (rupiah).",
                   "Columns {kolom}. K = performance, Rp = budget (rupiah)."),
    "e81_rata_rata": ("Rata-rata capaian kinerja (%)", "Mean achievement (%)"),
    "e81_predikat": ("Predikat kinerja", "Predicate"),
    "e81_penyerapan": ("Penyerapan anggaran (%)", "Budget absorption (%)"),
    "e81_pendorong": ("Faktor pendorong keberhasilan kinerja", "What drove the results"),
    "e81_penghambat": ("Faktor penghambat pencapaian kinerja", "What held the results back"),
    "e81_tindak_tw": ("Tindak lanjut yang diperlukan dalam triwulan berikutnya",
                      "Follow-up needed in the next quarter"),
    "e81_tindak_renja": ("Tindak lanjut yang diperlukan dalam Renja perangkat daerah berikutnya",
                         "Follow-up needed in the agency's next Renja"),
    "e81_where_sasaran_pendorong": ("(sheet Sasaran, Faktor pendorong)",
                                    "(sheet Sasaran, drivers)"),
    "e81_where_sasaran_penghambat": ("(sheet Sasaran, Faktor penghambat)",
                                     "(sheet Sasaran, obstacles)"),
    "e81_where_sasaran_upaya": ("(sheet Sasaran, Upaya / solusi)",
                                "(sheet Sasaran, measures / solutions)"),
    "e81_where_sasaran_tindak_renja": ("(sheet Sasaran, Tindak lanjut Renja berikutnya)",
                                       "(sheet Sasaran, follow-up, next Renja)"),
    "e81_disusun": ("Disusun, ........................ {tahun}",
                    "Prepared, ........................ {tahun}"),
    "e81_kepala_pd": ("Kepala Perangkat Daerah", "Head of the agency"),
    "e81_nama_kepala": ("nama Kepala Perangkat Daerah", "the name of the head of the agency"),
    "e81_where_kepala": ("(sheet Profil, Nama kepala)", "(sheet Profil, head's name)"),
    "e81_dievaluasi": ("Dievaluasi, ........................ {tahun}",
                       "Evaluated, ........................ {tahun}"),
    "e81_kepala_bappeda": ("Kepala Bappeda", "Head of Bappeda"),
    # the head of Bappeda unnamed in Profil (bappeda_nama, bappeda_nip): written by hand
    "e81_nama_bappeda": ("(........................................)",
                         "(........................................)"),
    "e81_nip_bappeda": ("NIP. ..............................", "NIP. .............................."),
    # the Renstra evaluation (laporan/renstra.py): the E.80 lampiran after the E.81's
    "e80_heading": ("Evaluasi Hasil Renstra (Formulir E.80)",
                    "Evaluation of the Renstra results (Formulir E.80)"),
    "e80_title": ("EVALUASI TERHADAP HASIL RENSTRA PERANGKAT DAERAH",
                  "EVALUATION OF THE AGENCY'S RENSTRA RESULTS"),
    "e80_renstra": ("Renstra Perangkat Daerah {instansi} {pemda}",
                    "Renstra of {instansi} {pemda}"),
    "e80_periode": ("Periode pelaksanaan: {awal}-{akhir} (s.d. tahun {tahun})",
                    "Period: {awal}-{akhir} (up to {tahun})"),
    "e80_acuan": ("Indikator dan target kinerja perangkat daerah yang mengacu pada sasaran RPJMD: "
                  "{acuan}",
                  "The agency's indicators and targets serving the RPJMD objectives: {acuan}"),
    "e80_table": ("Evaluasi hasil Renstra {awal}-{akhir} (Formulir E.80), kolom 1-4 dan {kolom}",
                  "Evaluation of the {awal}-{akhir} Renstra (Formulir E.80), columns 1-4 and "
                  "{kolom}"),
    "e80_rata_rata": ("Rata-rata rasio capaian kinerja Renstra (%)",
                      "Mean Renstra achievement ratio (%)"),
    "e80_penyerapan": ("Penyerapan anggaran Renstra s.d. tahun berjalan (%)",
                       "Renstra budget absorption to this year (%)"),
    "e80_tindak_renstra": ("Tindak lanjut yang diperlukan dalam Renstra perangkat daerah "
                           "berikutnya", "Follow-up needed in the agency's next Renstra"),
    "e80_where_sasaran_tindak_renstra": ("(sheet Sasaran, Tindak lanjut Renstra berikutnya)",
                                         "(sheet Sasaran, follow-up, next Renstra)"),
    "batch": ("{ok} laporan ditulis ke {path} ({draf} DRAF), {failed} gagal",
              "{ok} reports written to {path} ({draf} DRAFT), {failed} failed"),
}


def text(key: str, lang: str, **params: Any) -> str:
    """One of these lines in `lang`, rendered as every message is (catalogue `render`)."""
    return render(LINES[key], lang, params)
