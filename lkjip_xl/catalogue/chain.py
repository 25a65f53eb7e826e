"""Findings of `verify` about the cascade: sasaran -> programme -> kegiatan -> sub-kegiatan, their
codes, indicators and money, and the Renja evaluation (Formulir E.81) built from them (issue #24,
docs/renja-evaluation.md). Each message names the cell to fix and says what to do there.
"""

from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = [
    Entry(
        "sasaran-tanpa-program", "warning",
        "Sasaran {kode} ({location}) tidak didukung program mana pun: tidak ada program di sheet "
        "Program yang Kode sasaran-nya {kode}, sehingga sasaran ini tanpa anggaran, efisiensi dan "
        "baris evaluasi Renja. Isi {kode} di kolom Kode sasaran program yang mendukungnya",
        "Objective {kode} ({location}) is served by no programme: no programme in the Program "
        "sheet has the objective code {kode}, so it has no budget, efficiency or Renja evaluation "
        "rows. Type {kode} in the objective code of the programme that serves it",
        "Sasaran!A6 = S2 while every programme names S1 or none",
    ),
    Entry(
        "program-tanpa-indikator", "info",
        "{count} program belum punya indikator program (outcome) di sheet Indikator Program: "
        "{daftar}; barisnya di evaluasi Renja (E.81) tanpa kolom kinerja. Tambahkan untuk "
        "masing-masing baris di Indikator Program dengan Kode program-nya dan Kode kegiatan "
        "kosong (yang pertama di {location})",
        "{count} programme(s) have no programme (outcome) indicator in the Indikator Program "
        "sheet: {daftar}; their Renja evaluation (E.81) rows have no performance columns. "
        "For each, add a row in Indikator Program with its programme code and the kegiatan code "
        "empty (the first at {location})",
        "Program!A8 = P4 with no row of P4 in 'Indikator Program' while P1 has one",
    ),
    Entry(
        "kegiatan-tanpa-indikator", "info",
        "{count} kegiatan belum punya indikator kegiatan (output) di sheet Indikator Program: "
        "{daftar}; barisnya di evaluasi Renja (E.81) tanpa kolom kinerja. Tambahkan untuk "
        "masing-masing baris di Indikator Program dengan Kode program dan Kode kegiatan-nya "
        "(yang pertama di {location})",
        "{count} kegiatan have no kegiatan (output) indicator in the Indikator Program sheet: "
        "{daftar}; their Renja evaluation (E.81) rows have no performance columns. For each, "
        "add a row in Indikator Program with its programme and kegiatan codes (the first at "
        "{location})",
        "'Realisasi Anggaran'!B5 = P4.01 with no row of P4.01 in 'Indikator Program'",
    ),
    Entry(
        "kode-tidak-sesuai-induk", "warning",
        "Kode {tingkat} {found} di {location} tidak diawali kode induknya {expected} (di baris "
        "yang sama), sehingga rantai program-kegiatan-sub-kegiatan terputus. Perbaiki kode "
        "{tingkat} ini agar diawali {expected}, atau perbaiki kode induknya bila {tingkat} ini "
        "memang milik induk lain",
        "The {tingkat} code {found} at {location} does not start with its parent's code "
        "{expected} (in the same row), which breaks the programme-kegiatan-sub-kegiatan chain. "
        "Correct this {tingkat} code to start with {expected}, or correct the parent's code if "
        "this {tingkat} belongs to another parent",
        "'Realisasi Anggaran'!B7 = P5.01 in the row of programme P4",
    ),
    Entry(
        "kode-tidak-sesuai-nomenklatur", "warning",
        "Kode {found} di {location} tidak mengikuti struktur {nomenklatur} (contoh {contoh})"
        "{saran}. Salin kode dari dokumen Renja/DPA, atau ubah 'Struktur kode "
        "program/kegiatan' di sheet Pengaturan menjadi bebas bila instansi memakai kode sendiri",
        "The code {found} at {location} does not follow the {nomenklatur} structure (for "
        "example {contoh}){saran}. Copy the code from the Renja/DPA document, or set "
        "'Programme code structure' in the Pengaturan sheet to bebas if the agency uses its own "
        "codes",
        "'Realisasi Anggaran'!B5 = 1.01.01.02.01 under permendagri_90_2019 (1.01.01.2.01 meant)",
    ),
    Entry(
        "indikator-program-tanpa-sub-kegiatan", "error",
        "Indikator di {location} memakai kode sub-kegiatan {found} yang tidak ada di bawah "
        "kegiatan {kegiatan} di sheet Realisasi Anggaran, sehingga indikator ini tidak dibaca "
        "dan tidak masuk evaluasi Renja. Perbaiki kode sub-kegiatannya, atau tambahkan baris "
        "sub-kegiatan {found} di bawah kegiatan {kegiatan} di Realisasi Anggaran",
        "The indicator at {location} uses the sub-kegiatan code {found}, which is not under "
        "kegiatan {kegiatan} in the Realisasi Anggaran sheet, so this indicator is not read and "
        "is left out of the Renja evaluation. Correct the sub-kegiatan code, or add a row for "
        "sub-kegiatan {found} under kegiatan {kegiatan} in Realisasi Anggaran",
        "'Indikator Program'!C7 = P4.01.09 where P4.01 has only P4.01.01",
    ),
    Entry(
        "indikator-program-tidak-dibaca", "error",
        "Baris {location} (indikator {found} milik {pemilik}) tidak dibaca dan tidak ikut "
        "diekspor: kode program/kegiatan/sub-kegiatan di barisnya tidak menunjuk program, "
        "kegiatan atau sub-kegiatan yang ada. Perbaiki kodenya (lkjip-xl verify menunjukkan sel "
        "mana), simpan, lalu ekspor lagi",
        "Row {location} (indicator {found} of {pemilik}) is not read and not exported: the "
        "programme/kegiatan/sub-kegiatan codes of its row name no existing programme, kegiatan or "
        "sub-kegiatan. Correct them (lkjip-xl verify shows which cell), save, then export again",
        "'Indikator Program'!D8 with kode_sub P1.01.09 where P1.01 has only P1.01.01 (export)",
    ),
    Entry(
        "indikator-program-beda-program", "error",
        "Kegiatan {found} di {location} adalah kegiatan program {expected}, bukan program "
        "{program} yang ditulis di baris ini, sehingga indikator ini tidak dibaca dan tidak "
        "masuk evaluasi Renja. Perbaiki Kode program menjadi {expected}, atau kode kegiatannya",
        "Kegiatan {found} at {location} belongs to programme {expected}, not to programme "
        "{program} written in this row, so this indicator is not read and is left out of the "
        "Renja evaluation. Correct the programme code to {expected}, or the kegiatan code",
        "'Indikator Program'!B7 = P5.01 in a row of programme P4",
    ),
    Entry(
        "indikator-program-sub-tanpa-kegiatan", "warning",
        "Baris indikator di {location} mengisi Kode sub-kegiatan {found} tetapi Kode kegiatan "
        "kosong, sehingga dibaca sebagai indikator program {program}. Isi Kode kegiatan dari "
        "sub-kegiatan {found} di {location}, atau kosongkan Kode sub-kegiatan bila ini memang "
        "indikator program",
        "The indicator row at {location} fills in the sub-kegiatan code {found} but leaves the "
        "kegiatan code empty, so it is read as an indicator of programme {program}. Type the "
        "kegiatan code of sub-kegiatan {found} at {location}, or empty the sub-kegiatan code if "
        "this is a programme indicator",
        "'Indikator Program'!B7 empty while C7 = P4.01.01",
    ),
    Entry(
        "target-renja-beda-renstra", "warning",
        "Target Renja {found} indikator {kode} ({pemilik}) di {location} berbeda dari target "
        "Renstra tahun {tahun} ({expected}) di {renstra}. Samakan keduanya, atau biarkan bila "
        "Renja tahun ini memang mengubah targetnya",
        "The Renja target {found} of indicator {kode} ({pemilik}) at {location} differs from the "
        "Renstra target for {tahun} ({expected}) at {renstra}. Make them equal, or leave it if "
        "this year's Renja did change the target",
        "'Indikator Program'!M5 = 78 while 'Indikator Program'!L5 (2019) = 80",
    ),
    Entry(
        "persen-kumulatif", "warning",
        "Indikator {kode} ({pemilik}) bersatuan {satuan} tetapi agregasinya kumulatif ({location}): "
        "persentase akan dijumlahkan antartriwulan dan antartahun (kolom 6 + 12 dan 13 E.81), "
        "mis. 60 % + 70 % = 130 %. Ubah agregasinya menjadi akhir (nilai terakhir) atau "
        "rata_rata",
        "Indicator {kode} ({pemilik}) is in {satuan} but its aggregation is kumulatif "
        "({location}): percentages would be added over quarters and years (E.81 columns 6 + 12 "
        "and 13), e.g. 60 % + 70 % = 130 %. Change its aggregation to akhir (the last value) or "
        "rata_rata",
        "'Indikator Program'!H5 = kumulatif for an indicator in %",
    ),
    Entry(
        "pagu-program-beda-jumlah", "error",
        "{kolom} program {kode} di {location} ({found:money}) tidak sama dengan jumlah {kolom} "
        "kegiatannya di sheet Realisasi Anggaran ({expected:money}), sehingga baris program di "
        "evaluasi Renja tidak sama dengan jumlah baris kegiatannya. Perbaiki salah satunya, atau "
        "kosongkan sel program agar dihitung dari kegiatannya",
        "{kolom_en} of programme {kode} at {location} ({found:money}) differs from the sum of its "
        "kegiatan's in the Realisasi Anggaran sheet ({expected:money}), so the programme's Renja "
        "evaluation row is not the sum of its kegiatan rows. Correct one of them, or empty the "
        "programme's cell so that it is summed from its kegiatan",
        "Program!D8 (Pagu Renstra 2019 of P4) = 2.000.000.000 while its kegiatan add up to "
        "1.800.000.000",
    ),
    Entry(
        "anggaran-murni-tidak-cocok", "error",
        "Anggaran murni kegiatan {kode} di {location} ({found:money}) tidak sama dengan jumlah "
        "anggaran murni sub-kegiatannya ({expected:money}). Perbaiki salah satunya, atau "
        "kosongkan anggaran murni kegiatan",
        "The original allocation of kegiatan {kode} at {location} ({found:money}) differs from "
        "the sum of its sub-kegiatan's original allocations ({expected:money}). Correct one of "
        "them, or empty the kegiatan's original allocation",
        "kegiatan P4.01 anggaran murni 500.000.000 with sub-kegiatan of 200 and 250 million",
    ),
    Entry(
        "pagu-berubah", "info",
        "Pagu {tingkat} {kode} berubah dari {murni:money} (anggaran murni) menjadi "
        "{found:money} di {location} (APBD Perubahan); penyerapan dan evaluasi Renja memakai "
        "pagu akhir {found:money}",
        "The allocation of {tingkat_en} {kode} changed from {murni:money} (original) to "
        "{found:money} at {location} (revised budget); absorption and the Renja evaluation use "
        "the final {found:money}",
        "'Realisasi Anggaran'!E5 = 450000000 with Anggaran murni 500000000",
    ),
    Entry(
        "tw-sd-di-per-triwulan", "warning",
        "Triwulan {kode} di {location} tampak ditulis s.d. triwulan (naik terus), padahal "
        "'Penulisan nilai triwulan' di sheet Pengaturan per_triwulan: dijumlahkan menjadi "
        "{persen_jumlah:percent} % dari {pembanding}, sedangkan TW terakhir "
        "{persen_terakhir:percent} %. Tulis nilai masing-masing triwulan, atau ubah 'Penulisan "
        "nilai triwulan' menjadi kumulatif bila semua baris ditulis s.d. triwulan",
        "The quarters of {kode} at {location} look written as totals to date (always rising) "
        "while 'Quarterly values are written as' in the Pengaturan sheet is per_triwulan: added "
        "up they are {persen_jumlah:percent} % of {pembanding_en}, while the last quarter says "
        "{persen_terakhir:percent} %. Type each quarter's own amount, or set 'Quarterly values "
        "are written as' to kumulatif if every row is written as totals to date",
        "'Realisasi Anggaran'!K5:N5 = 50, 55, 58, 100 (% of the pagu) under per_triwulan",
    ),
    Entry(
        "realisasi-lalu-kosong", "warning",
        "Realisasi {tahun} {apa} {kode} di {location} kosong, padahal tahun itu tahun Renstra, "
        "sehingga kolom 6 dan 13 evaluasi Renja (E.81) kosong. Isi realisasi tahun {tahun}",
        "The {tahun} realisation of {apa_en} {kode} at {location} is empty although it is a "
        "Renstra year, so columns 6 and 13 of the Renja evaluation (E.81) stay empty. Fill in "
        "the {tahun} realisation",
        "'Indikator Program'!AB5 (Realisasi N-3, 2016) empty for an indicator with a 2016 target",
    ),
    Entry(
        "tahun-di-luar-renstra", "info",
        "Indikator {kode} tidak punya target Renstra tahun {tahun} ({location}), sehingga "
        "kolom 13 evaluasi Renja (E.81) tidak menghitung realisasi tahun ini. Isi target "
        "Renstra tahun {tahun} bila tahun ini termasuk periode Renstra",
        "Indicator {kode} has no Renstra target for {tahun} ({location}), so column 13 of the "
        "Renja evaluation (E.81) leaves this year's realisation out. Fill in the {tahun} "
        "Renstra target if this year is in the Renstra period",
        "'Indikator Program'!L5 (2019) empty for a kumulatif indicator with 2016-2018 targets",
    ),
]
