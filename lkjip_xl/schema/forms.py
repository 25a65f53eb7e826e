"""The key/value sheets declared: settings (Pengaturan, with the predicate table), the agency's
profile (Profil) and the report's own text (Narasi, with the SDM table)."""

from __future__ import annotations

from lkjip_xl.core.model import (
    KERTAS,
    METODE_EFISIENSI,
    NILAI_TW,
    NOMENKLATUR,
    RUMUS_NEGATIF,
    SDM_KELOMPOK,
    Pengaturan,
)
from lkjip_xl.schema.printing import paper_mm
from lkjip_xl.schema.types import Column, FormField, Level, Table

PREDIKAT_ROWS = 10

PENGATURAN = "Pengaturan"  # the key/value sheets, named here once for readers and checks
PROFIL = "Profil"

YA_TIDAK = ("Ya", "Tidak")
_SETTING = Pengaturan()  # the model's defaults, declared once there


# ---------------------------------------------------------------- settings and profile
PENGATURAN_FIELDS = (
    FormField("rumus_negatif", "Rumus polaritas negatif", "Negative-polarity formula", 5,
              "choice", RUMUS_NEGATIF, "RumusNegatif",
              "lan: (2 - R/T) x 100 (LAN, bawaan); invers: T/R x 100",
              bind="pengaturan.rumus_negatif", default=_SETTING.rumus_negatif),
    FormField("batas_capaian", "Batas capaian (%)", "Capaian cap (%)", 6, "number",
              name="BatasCapaian",
              note="Kosongkan bila tanpa batas; mis. 100 atau 120. Dipakai untuk predikat dan rata-rata.",
              bind="pengaturan.batas_capaian"),
    FormField("metode_efisiensi", "Metode efisiensi", "Efficiency method", 7, "choice",
              METODE_EFISIENSI, "MetodeEfisiensi",
              "selisih: capaian - penyerapan; hemat: 100 - penyerapan; rasio: capaian/penyerapan x 100; "
              "biaya_per_unit: realisasi anggaran / unit outcome",
              bind="pengaturan.metode_efisiensi", default=_SETTING.metode_efisiensi),
    FormField("nilai_tw", "Penulisan nilai triwulan", "Quarterly values are written as", 8,
              "choice", NILAI_TW, "NilaiTW",
              "kumulatif: tiap TW berisi total s.d. TW itu (TW IV = setahun); "
              "per_triwulan: tiap TW berisi nilai TW itu saja",
              bind="pengaturan.nilai_tw", default=_SETTING.nilai_tw),
    FormField("kertas", "Ukuran kertas cetak", "Paper", 9, "choice", KERTAS,
              note=f"A4, atau F4 (folio {paper_mm('F4')}): dipakai lembar isian, lembar laporan "
                   "measure dan salinan bertanda verify", bind="pengaturan.kertas",
              default=_SETTING.kertas),
    FormField("nomenklatur", "Struktur kode program/kegiatan", "Programme code structure", 10,
              "choice", NOMENKLATUR,
              note="bebas: kode instansi sendiri; permendagri_90_2019 atau "
                   "kepmendagri_050_5889_2021 (sub-kegiatan 4 digit): verify memeriksa kodenya",
              bind="pengaturan.nomenklatur", default=_SETTING.nomenklatur),
    # a yes/no setting: "Ya" / "Tidak" in the sheet, a boolean in the model (its default says so)
    FormField("e81_kolom_12a", "Kolom 12a di Formulir E.81", "Column 12a in Formulir E.81", 11,
              "choice", YA_TIDAK,
              note="Ya: Evaluasi Renja mencetak kolom 12a (capaian Renja, 12/7 x 100%); "
                   "Tidak: tanpa kolom itu, seperti salinan formulir yang lebih lama",
              bind="pengaturan.e81_kolom_12a", default=_SETTING.e81_kolom_12a),
)

PREDIKAT = Table(
    "PR", PENGATURAN,
    (
        Column("min", "Batas bawah capaian (%)", "Lower bound (%)", "number", 24,
               note="Urutkan dari yang tertinggi. Kosongkan untuk baris terakhir (sisanya).",
               bind="min"),
        Column("label", "Predikat", "Predicate", "text", 24, bind="label", default=""),
    ),
    default_capacity=PREDIKAT_ROWS, header_row=13, row_key="label",
    # layouts 1-2, before the nomenklatur field took row 10; then the E.81 setting row 11
    moved_from=(11, 12),
    levels=(Level("pengaturan.predikat"),),
)

PROFIL_FIELDS = (
    FormField("format", "Format", "Format", 5, "label", required=True),
    FormField("tahun", "Tahun pelaporan", "Reporting year", 6, "year", name="Tahun", required=True,
              bind="tahun"),
    FormField("nama", "Nama instansi (OPD)", "Agency", 7, required=True, bind="instansi.nama",
              default=""),
    FormField("pemda", "Pemerintah daerah", "Local government", 8, bind="instansi.pemda"),
    FormField("kepala_nama", "Nama kepala", "Head of agency", 9, bind="instansi.kepala.nama"),
    FormField("kepala_nip", "NIP kepala", "Head's NIP", 10, note="Tulis sebagai teks, 18 digit",
              bind="instansi.kepala.nip"),
    FormField("kepala_jabatan", "Jabatan", "Position", 11, bind="instansi.kepala.jabatan"),
    FormField("kepala_pangkat", "Pangkat / golongan", "Rank", 12, bind="instansi.kepala.pangkat"),
    FormField("renstra_awal", "Renstra: tahun awal", "Strategic plan: first year", 13, "year",
              name="RenstraAwal", bind="renstra.awal"),
    FormField("renstra_akhir", "Renstra: tahun akhir", "Strategic plan: last year", 14, "year",
              name="RenstraAkhir", bind="renstra.akhir"),
    # the planning unit's head signs the Renja / Renstra evaluation (E.81, E.80) on its left
    FormField("bappeda_nama", "Nama kepala Bappeda", "Head of Bappeda", 15,
              bind="instansi.kepala_bappeda.nama",
              note="Penanda tangan Evaluasi Renja / Renstra; kosong: garis titik-titik"),
    FormField("bappeda_nip", "NIP kepala Bappeda", "Head of Bappeda's NIP", 16,
              note="Tulis sebagai teks, 18 digit", bind="instansi.kepala_bappeda.nip"),
    FormField("bappeda_jabatan", "Jabatan kepala Bappeda", "Head of Bappeda's position", 17,
              bind="instansi.kepala_bappeda.jabatan",
              note="Mis. Kepala Bappeda Kota Denpasar; kosong: Kepala Bappeda"),
    FormField("bappeda_pangkat", "Pangkat / golongan kepala Bappeda", "Head of Bappeda's rank",
              18, bind="instansi.kepala_bappeda.pangkat"),
)
NARASI = "Narasi"
NARASI_FIELDS = tuple(
    FormField(key, label, en, row, "memo", bind=f"narasi.{key}", note=note)
    for row, (key, label, en, note) in enumerate((
        ("kata_pengantar", "Kata pengantar", "Foreword", "Pengantar kepala instansi"),
        ("tugas_fungsi", "Tugas dan fungsi", "Duties and functions",
         "Bab I: tugas pokok dan fungsi menurut peraturan kepala daerah"),
        ("struktur_organisasi", "Struktur organisasi", "Organisation",
         "Bab I: susunan organisasi (bidang, seksi, UPT)"),
        ("isu_strategis", "Isu strategis", "Strategic issues", "Bab I: isu strategis"),
        ("simpulan", "Simpulan", "Conclusions", "Bab IV: simpulan"),
        ("langkah_ke_depan", "Langkah ke depan", "Next steps",
         "Bab IV: langkah ke depan / rekomendasi"),
    ), start=5))

SDM = Table("SDM", NARASI, (
    Column("kelompok", "Kelompok", "Group", "choice", 16, choices=SDM_KELOMPOK, bind="kelompok",
           default="golongan", note="golongan atau pendidikan"),
    Column("uraian", "Golongan / pendidikan", "Grade / education", "text", 40, bind="uraian",
           default="", note="Mis. IV, III, II atau S2, S1, D3, SMA"),
    Column("jumlah", "Jumlah pegawai", "Employees", "int", 14, nonnegative=True, bind="jumlah"),
), default_capacity=16, header_row=13, row_key="uraian", levels=(Level("sdm"),))
