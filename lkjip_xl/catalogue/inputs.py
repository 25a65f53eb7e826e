"""Findings of `verify` (and the reader) about what was typed into the input cells.

Rules from docs/rules.md and DOMAIN.md: None is "not reported", never 0; percentages are written
in the indicator's unit (66 means 66 %); codes link Renstra & IKU, PK, Rencana Aksi, Realisasi
Kinerja, Program and Realisasi Anggaran; support programmes have no sasaran.
"""

from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = [
    Entry(
        "angka-sebagai-teks", "warning",
        "Angka di {location} ditulis sebagai teks '{found}', sehingga rumus tidak menghitungnya "
        "(maksudnya mungkin {expected:entry}). Ketik angkanya saja, tanpa titik ribuan, Rp atau %",
        "The number at {location} is text '{found}', so formulas do not count it (probably meant "
        "{expected:entry}). Type the bare number, without thousands separators, Rp or %",
        "PK!C5 holds the text '66%', 'Rp 2.072.337.900' or '0,5' (an error when computed cells "
        "change because of it)",
    ),
    Entry(
        "belum-diisi", "info",
        "Buku kerja belum diisi: tercatat {indikator} indikator dan {kegiatan} kegiatan, tanpa "
        "realisasi satu pun. Isi realisasi di sheet Realisasi Kinerja dan Realisasi Anggaran (serta "
        "Sasaran, Renstra & IKU dan PK bila masih kosong)",
        "The workbook is not filled in: {indikator} indicators and {kegiatan} kegiatan listed, "
        "without a single realisation. Fill in 'Realisasi Kinerja' and 'Realisasi Anggaran' (and Sasaran, "
        "'Renstra & IKU' and PK if still empty)",
        "an untouched template from `lkjip-xl new --tahun 2025`",
    ),
    Entry(
        "narasi-belum-lengkap", "info",
        "Narasi laporan belum lengkap: {bagian}. Dokumen LKjIP menampilkan tanda [Isi: ...] di "
        "tempatnya",
        "The report's text is incomplete: {bagian_en}. The LKjIP document shows an [Isi: ...] "
        "placeholder there",
        "a workbook whose Narasi sheet is still empty",
    ),
    Entry(
        "kelengkapan", "info",
        "Belum lengkap: {bagian}",
        "Incomplete: {bagian_en}",
        "a mid-year workbook with S2.1 not reported yet",
    ),
    Entry(
        "bukan-angka", "error",
        "Sel {location} harus berisi angka, ditemukan teks '{found}'",
        "Cell {location} must hold a number, found the text '{found}'",
        "'Realisasi Kinerja'!G5 holds 'belum ada'",
    ),
    Entry(
        "nilai-galat-input", "error",
        "Sel isian {location} berisi nilai galat {found}",
        "Input cell {location} holds the error value {found}",
        "PK!C5 holds #DIV/0!",
    ),
    Entry(
        "isian-wajib-kosong", "error",
        "Isian wajib '{header}' di {location} kosong",
        "The required field '{header}' at {location} is empty",
        "a kegiatan row without its kode program",
    ),
    Entry(
        "persen-skala-salah", "error",
        "Nilai {found} di {location} tampaknya persen yang ditulis sebagai pecahan; satuan "
        "indikator %, mungkin maksudnya {expected}",
        "The value {found} at {location} looks like a percentage written as a fraction; the "
        "indicator's unit is %, probably {expected} was meant",
        "PK!C5 holds 0.66 where the Renstra target is 66 (%)",
    ),
    Entry(
        "anggaran-negatif", "error",
        "Jumlah uang di {location} negatif: {found:money}",
        "The amount at {location} is negative: {found:money}",
        "'Realisasi Anggaran'!F7 holds -5000000",
    ),
    Entry(
        "realisasi-melebihi-anggaran", "error",
        "Realisasi anggaran {found:money} di {location} melebihi pagu {expected:money}",
        "Spending {found:money} at {location} exceeds the allocation {expected:money}",
        "'Realisasi Anggaran'!F7 greater than E7",
    ),
    Entry(
        "tw-menurun", "warning",
        "Nilai s.d. triwulan di {location} ({found}) lebih kecil dari triwulan sebelumnya "
        "({expected}), padahal nilai triwulan ditulis kumulatif",
        "The to-date value at {location} ({found}) is below an earlier quarter ({expected}), "
        "although quarterly values are written cumulatively",
        "'Rencana Aksi'!C5:F5 = 10, 20, 15, 40 for a kumulatif indicator",
    ),
    Entry(
        "tw4-beda-target", "warning",
        "Nilai s.d. TW IV di {location} ({found}) tidak sama dengan target tahunan {expected}",
        "The to-date value of Q4 at {location} ({found}) differs from the annual target "
        "{expected}",
        "'Rencana Aksi'!F5 = 60 while the PK target is 66",
    ),
    Entry(
        "tw4-rerata-beda-target", "warning",
        "Target s.d. TW IV di {location} ({found}) tidak sama dengan target tahunan {expected}: "
        "indikator ini rata-rata (agregasi rata_rata), jadi target s.d. TW IV adalah rerata "
        "keempat target triwulan (TW I {t1}, TW II {t2}, TW III {t3}, TW IV {t4}), bukan isi sel "
        "TW IV saja. Samakan rerata target triwulan dengan target tahunan",
        "The Q4 to-date target at {location} ({found}) differs from the annual target "
        "{expected}: this indicator is an average (agregasi rata_rata), so its Q4 to-date target "
        "is the mean of the four quarterly targets (Q1 {t1}, Q2 {t2}, Q3 {t3}, Q4 {t4}), not the "
        "Q4 cell alone. Make the quarterly targets average to the annual target",
        "'Rencana Aksi'!C5:F5 = 80, 80, 83, 82 while the PK target is 82 (mean 81.25)",
    ),
    Entry(
        "tw4-jumlah-beda-target", "warning",
        "Target s.d. TW IV di {location} ({found}) tidak sama dengan target tahunan {expected}: "
        "nilai triwulan ditulis per triwulan (nilai_tw per_triwulan) dan indikator ini "
        "kumulatif, jadi target s.d. TW IV adalah jumlah keempat target triwulan (TW I {t1}, "
        "TW II {t2}, TW III {t3}, TW IV {t4}). Samakan jumlahnya dengan target tahunan",
        "The Q4 to-date target at {location} ({found}) differs from the annual target "
        "{expected}: quarters are written per quarter (nilai_tw per_triwulan) and this indicator "
        "is cumulative, so its Q4 to-date target is the sum of the four quarterly targets (Q1 "
        "{t1}, Q2 {t2}, Q3 {t3}, Q4 {t4}). Make them add up to the annual target",
        "'Rencana Aksi'!C5:F5 = 20, 20, 20, 20 per quarter while the PK target is 100",
    ),
    Entry(
        "tahun-belum-lengkap", "warning",
        "Indikator {kode}: {kosong} kosong di {location} dan realisasi tahunan juga kosong, "
        "sehingga realisasi tahun ini (s.d. {sampai}) dihitung dari {dari} saja = {dipakai}, lalu "
        "dinilai dan dibawa ke tahun berikutnya seolah lengkap. Isi {kosong} atau realisasi "
        "tahunannya; untuk laporan tengah tahun periksa dengan --triwulan",
        "Indicator {kode}: {kosong} is empty at {location} and so is the annual realisation, so "
        "this year's realisation (to {sampai}) is computed from {dari} only = {dipakai}, then "
        "rated and carried to next year as if complete. Fill in {kosong} or the annual "
        "realisation; for a mid-year report check with --triwulan",
        "'Realisasi Kinerja'!F5 (TW IV) and G5 empty, TW I-III filled, for an akhir indicator",
    ),
    Entry(
        "triwulan-belum-lengkap", "warning",
        "Indikator {kode}: {kosong} kosong di {location}, sehingga capaian s.d. {sampai} "
        "dihitung dari {dari} saja = {dipakai}. Isi {kosong}",
        "Indicator {kode}: {kosong} is empty at {location}, so the capaian to {sampai} is "
        "computed from {dari} only = {dipakai}. Fill in {kosong}",
        "`verify --triwulan 3` with 'Realisasi Kinerja'!E5 (TW III) empty, TW I-II filled",
    ),
    Entry(
        "realisasi-kosong", "warning",
        "Indikator {kode} ada di PK tetapi realisasinya belum diisi ({location} dan semua "
        "triwulan kosong): capaiannya kosong dan tidak dibawa ke tahun berikutnya. Isi "
        "realisasi tahunan atau triwulannya",
        "Indicator {kode} is in the PK but its realisation is not filled in ({location} and every "
        "quarter empty): its capaian is empty and is not carried to next year. Fill in the annual "
        "or the quarterly realisation",
        "the row of S1.1 in 'Realisasi Kinerja' left empty at year end while others are reported",
    ),
    Entry(
        "anggaran-tahun-kosong", "warning",
        "Realisasi anggaran {kode}: triwulan diisi ({diisi}) tetapi realisasi tahunan di "
        "{location} kosong. Realisasi setahun hanya dibaca dari sel tahunan, jadi {kode} "
        "dihitung belum terealisasi (penyerapan kosong, tidak masuk jumlah program dan total). "
        "Isi realisasi tahunannya",
        "Spending of {kode}: quarters filled ({diisi}) but the annual spending at {location} is "
        "empty. The year's spending is read from the annual cell only, so {kode} counts as not "
        "spent yet (no absorption, left out of the programme and total sums). Fill in its annual "
        "spending",
        "'Realisasi Anggaran'!F7 empty while its TW I-III spending is filled",
    ),
    Entry(
        "realisasi-tanpa-baris", "warning",
        "Indikator {kode} ada di PK ({location}) tetapi tidak punya baris di Realisasi Kinerja: "
        "realisasi dan capaiannya kosong dan tidak dibawa ke tahun berikutnya. Tambahkan baris "
        "kode {kode} di Realisasi Kinerja lalu isi realisasinya",
        "Indicator {kode} is in the PK ({location}) but has no row in Realisasi Kinerja: its "
        "realisation and capaian are empty and are not carried to next year. Add a row with the "
        "code {kode} in Realisasi Kinerja and fill in its realisation",
        "the row of S1.1 deleted from 'Realisasi Kinerja'",
    ),
    Entry(
        "angka-dibulatkan", "error",
        "{label} di {location} diketik sebagai angka ({found}): Excel dan LibreOffice hanya "
        "menyimpan 15 digit, sehingga digit sesudahnya hilang dan nilai ini tidak dipakai. Ketik "
        "ulang dari dokumen aslinya sebagai teks (awali dengan tanda ')",
        "{label_en} at {location} was typed as a number ({found}): Excel and LibreOffice keep only "
        "15 digits, so the digits after them are lost and this value is not used. Type it again "
        "from the original document as text (start with ')",
        "Profil!B10 (NIP kepala) holds the number 197001012000031000 for 197001012000031002",
    ),
    Entry(
        "target-pk-beda-renstra", "warning",
        "Target PK {found} di {location} berbeda dari target Renstra tahun {tahun} ({expected})",
        "The PK target {found} at {location} differs from the Renstra target for {tahun} "
        "({expected})",
        "PK!C5 = 70 while 'Renstra & IKU' gives 66 for 2019",
    ),
    Entry(
        "target-skala-ribuan", "error",
        "Target PK {found} di {location} seribu kali lebih kecil dari target Renstra tahun "
        "{tahun} ({expected}): angka dengan titik ribuan (\"130.000\") dibaca Excel berbahasa "
        "Inggris sebagai desimal. Ketik ulang tanpa titik ribuan: {expected:entry}",
        "The PK target {found} at {location} is a thousand times smaller than the Renstra target "
        "for {tahun} ({expected}): a number typed with a thousands dot (\"130.000\") is read as a "
        "decimal by an English-language Excel. Type it again without the dot: {expected:entry}",
        "PK!C9 = 130 while 'Renstra & IKU' gives 130000 for 2025",
    ),
    Entry(
        "alasan-perubahan-kosong", "warning",
        "Target PK diubah di {location} ({found}) tanpa alasan perubahan",
        "The PK target was revised at {location} ({found}) without a reason",
        "PK!F5 filled, PK!G5 empty",
    ),
    Entry(
        "kode-ganda", "error",
        "Kode {found} di {location} sudah dipakai di {expected}. Bila ini baris yang sama, "
        "satukan isinya di baris {expected} dan kosongkan baris ini; bila baris lain, beri kode "
        "sendiri",
        "The code {found} at {location} is already used at {expected}. If it is the same row, "
        "merge its figures into the row at {expected} and clear this one; if it is another row, give "
        "it its own code",
        "S1.1 twice in 'Renstra & IKU'",
    ),
    Entry(
        "indikator-tidak-dikenal", "error",
        "Kode indikator {found} di {location} tidak ada di Renstra & IKU",
        "The indicator code {found} at {location} is not in Renstra & IKU",
        "PK!A7 = S9.9",
    ),
    Entry(
        "indikator-tidak-diekspor", "error",
        "Baris {location} (kode indikator {found}) tidak ikut diekspor: indikator {found} tidak "
        "ada di Renstra & IKU (barisnya terhapus?). Agar isiannya tidak hilang, sisipkan kembali "
        "baris indikator {found} di Renstra & IKU dan ketik ulang isinya, simpan, lalu ekspor lagi",
        "Row {location} (indicator code {found}) is not exported: indicator {found} is not in "
        "Renstra & IKU (its row deleted?). To keep what it holds, insert the row of indicator "
        "{found} back into Renstra & IKU and retype it, save, then export again",
        "PK!A6 = IK1.2 after the Renstra row of IK1.2 was deleted (export)",
    ),
    Entry(
        "sasaran-tidak-dikenal", "error",
        "Kode sasaran {found} di {location} tidak ada di sheet Sasaran",
        "The objective code {found} at {location} is not in the Sasaran sheet",
        "'Renstra & IKU'!A5 = S7, or Program!C8 = S7",
    ),
    Entry(
        "kegiatan-tanpa-program", "error",
        "Kegiatan di {location} memakai kode program {found} yang tidak ada di sheet Program",
        "The kegiatan at {location} uses the programme code {found}, which is not in the Program "
        "sheet",
        "'Realisasi Anggaran'!A9 = P9",
    ),
    Entry(
        "indikator-program-tanpa-program", "error",
        "Indikator di {location} memakai kode program {found} yang tidak ada di sheet "
        "Program, sehingga indikator ini tidak dibaca. Pilih kode program dari daftar di selnya",
        "The indicator at {location} uses the programme code {found}, which is not in the "
        "Program sheet, so this indicator is not read. Pick the programme code from the cell's "
        "list",
        "'Indikator Program'!A5 = P9",
    ),
    Entry(
        "indikator-program-tanpa-kegiatan", "error",
        "Indikator di {location} memakai kode kegiatan {found} yang tidak ada di sheet "
        "Realisasi Anggaran, sehingga indikator ini tidak dibaca. Pilih kode kegiatan dari "
        "daftar di selnya",
        "The indicator at {location} uses the kegiatan code {found}, which is not in the "
        "Realisasi Anggaran sheet, so this indicator is not read. Pick the kegiatan code from "
        "the cell's list",
        "'Indikator Program'!B5 = P4.09",
    ),
    Entry(
        "sub-kegiatan-tanpa-kegiatan", "warning",
        "Sub-kegiatan di {location} merujuk kegiatan {found} yang tidak punya baris kegiatan, "
        "sehingga rumus jumlah program dan total tidak menghitung uangnya. Tambahkan baris "
        "kegiatan {found} (kode program dan kode kegiatan, kode sub-kegiatan kosong)",
        "The sub-kegiatan at {location} refers to kegiatan {found}, which has no kegiatan row, so "
        "the programme and total formulas leave its money out. Add a row for kegiatan {found} "
        "(programme and kegiatan code, sub-kegiatan code empty)",
        "a row with kode_sub filled and no row for its kegiatan (an error when computed cells "
        "change because of it)",
    ),
    Entry(
        "pilihan-tidak-dikenal", "error",
        "Nilai {found} di {location} tidak dikenal; pilihan: {expected}",
        "Unknown value {found} at {location}; choices: {expected}",
        "Pengaturan!B7 = 'efisien', or 'Renstra & IKU'!E5 = 'naik'",
    ),
    Entry(
        "predikat-tidak-urut", "error",
        "Tabel predikat harus urut dari batas tertinggi; {location} ({found}) tidak lebih kecil "
        "dari baris di atasnya ({expected})",
        "The predicate table must be sorted highest first; {location} ({found}) is not below "
        "the row above ({expected})",
        "Pengaturan!A13 = 95 below A12 = 91",
    ),
    Entry(
        "batas-capaian-tidak-valid", "error",
        "Batas capaian di {location} harus lebih dari 0, ditemukan {found}",
        "The capaian cap at {location} must be above 0, found {found}",
        "Pengaturan!B6 = 0",
    ),
    Entry(
        "capaian-tidak-wajar", "warning",
        "Capaian {found:percent} % di {location} di atas {expected} %; periksa target dan realisasinya",
        "Capaian {found:percent} % at {location} is above {expected} %; check the target and "
        "realisation",
        "target 5, realisation 50: capaian 1000 %",
    ),
    Entry(
        "realisasi-sama-target", "info",
        "Realisasi sama persis dengan target di semua {found} indikator; pastikan realisasi "
        "diisi dari data, bukan disalin dari target",
        "The realisation equals the target for all {found} indicators; make sure it comes from "
        "the data, not copied from the target",
        "every indicator of the seed (66/66 and 0.5/0.5)",
    ),
    Entry(
        "rumus-di-isian", "warning",
        "{count} sel isian '{header}' di {location} berisi rumus (misalnya {found}), bukan angka "
        "yang dilaporkan. Ketik nilainya dari data; rumus yang hanya membaca barisnya sendiri "
        "mengarang angka dari isian lain (galat)",
        "{count} input cell(s) '{header}' at {location} hold a formula (e.g. {found}), not a "
        "reported value. Type the value from the data; a formula reading only its own row makes "
        "the figure up from another input (an error)",
        "'Realisasi Anggaran'!F5:F20 filled down with =E5*0.9",
    ),
    Entry(
        "baris-subtotal", "error",
        "Baris kegiatan {kode} di {location} sama dengan jumlah kegiatan lain program {program} "
        "({found:money}): tampaknya subtotal yang diketik di tabel, sehingga anggaran program dan "
        "instansi terhitung dua kali. Hapus baris itu; subtotal dihitung otomatis",
        "The kegiatan row {kode} at {location} equals the sum of the other kegiatan of programme "
        "{program} ({found:money}): a subtotal typed into the table, so the programme and agency "
        "totals count it twice. Delete the row; subtotals are computed",
        "a row 'Jumlah program' typed between the kegiatan of P2",
    ),
    Entry(
        "sub-kegiatan-tidak-cocok", "error",
        "Nilai kegiatan {kode} di {location} ({found:money}) tidak sama dengan jumlah sub-kegiatannya "
        "({expected:money})",
        "The kegiatan {kode} at {location} states {found:money}, its sub-kegiatan add up to {expected:money}",
        "kegiatan 1.01.01 anggaran 500.000.000 with sub-kegiatan of 200 and 250 million",
    ),
    Entry(
        "tw-beda-tahunan", "warning",
        "Realisasi tahunan di {location} ({found}) tidak sama dengan nilai tahun menurut "
        "triwulannya ({expected})",
        "The annual realisation at {location} ({found}) differs from the year its quarters give "
        "({expected})",
        "'Realisasi Kinerja'!G5 = 70 while TW I-IV give 66",
    ),
    Entry(
        "anggaran-skala-ribuan", "warning",
        "Nilai uang di {location} ({found:money}) tampaknya ditulis dalam ribuan rupiah, sedangkan "
        "baris lain dalam rupiah; maksudnya mungkin {expected:money}",
        "The amount at {location} ({found:money}) looks written in thousands of rupiah while the other "
        "lines are in rupiah; probably meant {expected:money}",
        "'Realisasi Anggaran'!E9 = 219876.3 among lines of hundreds of millions",
    ),
    Entry(
        "kode-berspasi", "error",
        "Kode '{found}' di {location} berisi spasi di awal atau akhir, sehingga rumus tidak "
        "menemukannya di Renstra & IKU ('{expected}') dan semua nilai hitungan indikator itu "
        "kosong. Hapus spasinya",
        "The code '{found}' at {location} has a space at its start or end, so the formulas do not "
        "find it in 'Renstra & IKU' ('{expected}') and every computed figure of that indicator "
        "stays empty. Remove the space",
        "PK!A5 holds 'S1.1 '",
    ),
]
