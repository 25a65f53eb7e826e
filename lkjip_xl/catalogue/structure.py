"""Findings of `verify` about the workbook's structure and its formulas (lkjip_xl/verify/).

Structure: sheets, tables, columns and the schema version, judged against the layout in the
package (lkjip_xl/schema/sheets.py). Formulas: every computed cell must hold exactly the formula the
layout puts there, and its cached value must be the domain core's value for the inputs.
"""

from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = [
    Entry(
        "berkas-tidak-terbaca", "error",
        "Berkas tidak dapat dibaca: {found}",
        "The file cannot be read: {found}",
        "a .docx renamed to .xlsx",
    ),
    Entry(
        "bukan-format-lkjip", "info",
        "Buku kerja ini bukan format lkjip-xl; hanya audit rumus umum yang dijalankan",
        "This workbook is not in the lkjip-xl layout; only the generic formula audit was run",
        "any .xlsx without the sheets Profil, Renstra & IKU, ...",
    ),
    Entry(
        "format-tidak-dikenal", "error",
        "Versi format di {location} adalah {found}, seharusnya {expected}",
        "The format version at {location} is {found}, expected {expected}",
        "Profil!B5 holds 'lkjip-xl/9' or is empty",
    ),
    Entry(
        "area-cetak-usang", "info",
        "Area cetak sheet {sheet} ({found}) tidak mencakup semua isian (sampai {expected}), mulai "
        "{location}: baris atau kolom di luarnya tidak ikut tercetak. Cetak dari hasil "
        "`lkjip-xl measure`, yang mengatur ulang area cetak, atau hapus area cetaknya (Excel: Page "
        "Layout > Print Area > Clear Print Area; LibreOffice: Format > Print Ranges > Clear)",
        "The print area of sheet {sheet} ({found}) does not cover everything filled in (up to "
        "{expected}), from {location} on: rows or columns outside it are not printed. Print "
        "from the output of `lkjip-xl measure`, which sets the print areas again, or clear the "
        "print area (Excel: Page Layout > Print Area > Clear Print Area; LibreOffice: Format > "
        "Print Ranges > Clear)",
        "rows typed below the 5 empty rows a template prints",
    ),
    Entry(
        "sheet-hilang", "error",
        "Sheet {expected} tidak ada",
        "Sheet {expected} is missing",
        "the sheet 'Realisasi Kinerja' was deleted",
    ),
    Entry(
        "sheet-versi-baru", "info",
        "Sheet {expected} (format lkjip-xl versi {since}) belum ada di workbook ini, yang dibuat "
        "versi sebelumnya; workbook tetap dibaca. Untuk mengisinya, pindahkan data ke workbook "
        "baru: lkjip-xl export lalu lkjip-xl new --data",
        "The sheet {expected} (lkjip-xl layout version {since}) is not in this workbook, which an "
        "earlier version wrote; it is still read. To fill it in, move the data to a new workbook: "
        "lkjip-xl export, then lkjip-xl new --data",
        "a workbook written before the sheet 'Narasi' existed",
    ),
    Entry(
        "sheet-diganti-nama", "error",
        "Sheet {expected} diganti nama menjadi {found}; kembalikan namanya agar rumus dan "
        "aplikasi lain menemukannya",
        "Sheet {expected} was renamed to {found}; rename it back so formulas and other tools "
        "find it",
        "the sheet 'PK' renamed to 'PK 2019'",
    ),
    Entry(
        "sheet-tambahan", "info",
        "Sheet {found} bukan bagian format lkjip-xl; isinya hanya diaudit secara umum",
        "Sheet {found} is not part of the lkjip-xl layout; it only gets the generic audit",
        "a sheet 'Catatan' added by the user",
    ),
    Entry(
        "sheet-tersembunyi", "warning",
        "Sheet {found} tersembunyi ({state}); auditor sebaiknya melihat isinya",
        "Sheet {found} is hidden ({state}); an auditor should look at it",
        "a hidden sheet 'Data' feeding a formula",
    ),
    Entry(
        "tabel-tidak-ditemukan", "error",
        "Judul kolom tabel di sheet {sheet} tidak ditemukan",
        "The column headers of the table on sheet {sheet} were not found",
        "the header row of 'PK' overwritten",
    ),
    Entry(
        "tabel-bergeser", "warning",
        "Judul tabel di sheet {sheet} ada di baris {found}, seharusnya baris {expected}",
        "The header of the table on sheet {sheet} is on row {found}, expected row {expected}",
        "two rows inserted above the header of 'PK'",
    ),
    Entry(
        "kolom-hilang", "error",
        "Kolom '{header}' tidak ditemukan (seharusnya di {location})",
        "Column '{header}' was not found (expected at {location})",
        "the column 'Target PK' deleted from sheet PK",
    ),
    Entry(
        "kolom-versi-baru", "info",
        "Kolom '{header}' (format lkjip-xl versi {since}) belum ada di workbook ini, yang dibuat "
        "versi sebelumnya; workbook tetap dibaca. Untuk mengisinya, pindahkan data ke workbook "
        "baru: lkjip-xl export lalu lkjip-xl new --data",
        "The column '{header}' (lkjip-xl layout version {since}) is not in this workbook, which an "
        "earlier version wrote; it is still read. To fill it in, move the data to a new workbook: "
        "lkjip-xl export, then lkjip-xl new --data",
        "PK!I4 of a workbook written before 'Sumber standar nasional' existed",
    ),
    Entry(
        "kolom-dipindah", "warning",
        "Kolom '{header}' ada di kolom {found}, seharusnya kolom {expected}",
        "Column '{header}' is in column {found}, expected column {expected}",
        "'Satuan' moved from D to K in 'Renstra & IKU'",
    ),
    Entry(
        "baris-disisipkan", "error",
        "Sebuah baris kosong disisipkan di baris {found} sheet {sheet}; rumus di sheet hitungan "
        "kini menunjuk baris yang bergeser. Hapus baris kosong itu (tidak berisi data) atau "
        "batalkan (Ctrl+Z); isi baris baru di baris kosong di akhir tabel",
        "An empty row was inserted at row {found} of sheet {sheet}; formulas on the computed "
        "sheets now point at shifted rows. Delete that empty row (it holds no data) or undo "
        "(Ctrl+Z); add new rows in the empty rows at the end of the table",
        "an empty row inserted at 'Renstra & IKU'!A6",
    ),
    Entry(
        "baris-disisipkan-berisi", "error",
        "Baris {found} disisipkan di tengah tabel sheet {sheet} dan sudah diisi; rumus di sheet "
        "hitungan kini menunjuk baris yang bergeser. Jangan hapus baris itu: pindahkan semua isian "
        "ke workbook baru dengan `lkjip-xl export BERKAS.xlsx -o data.yaml` lalu "
        "`lkjip-xl new --data data.yaml -o baru.xlsx`",
        "Row {found} was inserted in the middle of the table on sheet {sheet} and filled in; formulas on the "
        "computed sheets now point at shifted rows. Do not delete it: move every input to a new "
        "workbook with `lkjip-xl export FILE.xlsx -o data.yaml`, then "
        "`lkjip-xl new --data data.yaml -o new.xlsx`",
        "a row inserted at 'Renstra & IKU'!A6 and an indicator typed into it",
    ),
    Entry(
        "baris-dihapus", "error",
        "Baris {found} sheet {sheet} dihapus beserta isinya; rumus di sheet hitungan kini menunjuk "
        "#REF! atau baris yang bergeser. Batalkan (Ctrl+Z) bila masih bisa; bila tidak, sisipkan "
        "kembali satu baris kosong di tempatnya dan ketik ulang baris yang terhapus (isian lain "
        "yang merujuk kodenya tetap ada), simpan, lalu pindahkan isian ke workbook baru dengan "
        "`lkjip-xl export BERKAS.xlsx -o data.yaml` dan `lkjip-xl new --data data.yaml -o "
        "baru.xlsx` (rumusnya dibuat ulang utuh)",
        "Row {found} of sheet {sheet} was deleted with what it held; formulas on the computed "
        "sheets now point at #REF! or shifted rows. Undo (Ctrl+Z) if you still can; otherwise "
        "insert an empty row back in its place and retype the deleted row (the other inputs "
        "that name its code are still there), save, then move the inputs to a new workbook with "
        "`lkjip-xl export FILE.xlsx -o data.yaml` and `lkjip-xl new --data data.yaml -o "
        "new.xlsx` (the formulas written whole again)",
        "row 6 of 'Renstra & IKU' deleted",
    ),
    Entry(
        "baris-hitungan-disisipkan", "error",
        "Sebuah baris disisipkan di baris {found} sheet hitungan {sheet}; rumus di bawahnya kini "
        "bergeser satu baris dari baris sheet {input}. Hapus baris {found} itu (sheet ini dihitung "
        "otomatis; isian di sheet {input} tidak tersentuh) atau batalkan (Ctrl+Z)",
        "A row was inserted at row {found} of the computed sheet {sheet}; the formulas below it are "
        "now one row off the rows of {input}. Delete row {found} (this sheet is computed; the "
        "inputs on {input} are not touched) or undo (Ctrl+Z)",
        "a row inserted at 'Pengukuran Kinerja'!A6",
    ),
    Entry(
        "baris-hitungan-dihapus", "error",
        "Sebuah baris dihapus dari sheet hitungan {sheet} di baris {found}; sejak baris itu rumus "
        "menghitung baris berikutnya dari sheet {input}, satu baris terlewat. Isian Anda tidak "
        "hilang: batalkan (Ctrl+Z), atau buat ulang workbook dengan "
        "`lkjip-xl export BERKAS.xlsx -o data.yaml` lalu "
        "`lkjip-xl new --data data.yaml -o baru.xlsx`. Jangan menghapus baris di sheet {input} "
        "untuk menutupinya",
        "A row was deleted from the computed sheet {sheet} at row {found}; from that row on the "
        "formulas compute the next row of {input}, one row is skipped. Your inputs are not lost: "
        "undo (Ctrl+Z), or rebuild the workbook with `lkjip-xl export FILE.xlsx -o data.yaml`, "
        "then `lkjip-xl new --data data.yaml -o new.xlsx`. Do not delete rows on {input} to make "
        "up for it",
        "row 6 of 'Pengukuran Kinerja' deleted",
    ),
    Entry(
        "rumus-ditimpa", "warning",
        "Rumus di {location} diganti angka/teks tetap {found}; nilainya benar saat ini tetapi "
        "tidak akan ikut berubah bila isian diubah",
        "The formula at {location} was replaced by the constant {found}; the value is right now "
        "but will not follow changes to the inputs",
        "'Anggaran & Efisiensi'!E9 typed as 2072337900 (the right total)",
    ),
    Entry(
        "rumus-ditimpa-salah", "error",
        "Rumus di {location} diganti nilai tetap {found}; seharusnya rumus dengan hasil "
        "{expected}",
        "The formula at {location} was replaced by the constant {found}; it should be the "
        "formula, giving {expected}",
        "'Anggaran & Efisiensi'!I9 typed as 93.37 (expected 6.63 under selisih)",
    ),
    Entry(
        "rumus-dihapus", "error",
        "Rumus di {location} dihapus (sel kosong); seharusnya ={expected_formula}",
        "The formula at {location} was deleted (empty cell); expected ={expected_formula}",
        "'Pengukuran Kinerja'!K5 cleared",
    ),
    Entry(
        "rumus-diubah", "error",
        "Rumus di {location} diubah: {found}; seharusnya {expected}",
        "The formula at {location} was edited: {found}; expected {expected}",
        "'Pengukuran Kinerja'!K5 =J5/G5*100 instead of the layout's formula",
    ),
    Entry(
        "rumus-diubah-rentang", "error",
        "{count} rumus di {location} diubah dengan pola yang sama; contoh di {first}: {found}; "
        "seharusnya {expected}",
        "{count} formulas in {location} were edited the same way; e.g. at {first}: {found}; "
        "expected {expected}",
        "a whole column of 'Pengukuran Kinerja' refers to a moved input column",
    ),
    Entry(
        "rumus-versi-lama", "warning",
        "{count} rumus di {location} berasal dari lkjip-xl versi lama (contoh {first}); hasilnya "
        "bisa berbeda dari aturan sekarang. Pindahkan data ke workbook baru: lkjip-xl export lalu "
        "lkjip-xl new --data",
        "{count} formulas in {location} come from an earlier lkjip-xl release (e.g. {first}); "
        "their results may differ from today's rules. Move the data into a new workbook: "
        "lkjip-xl export, then lkjip-xl new --data",
        "'Pengukuran Kinerja'!R5:R64 of a workbook written before the rata_rata fix",
    ),
    Entry(
        "rumus-tautan-eksternal", "error",
        "Rumus di {location} mengambil nilai dari buku kerja lain: {found}",
        "The formula at {location} takes a value from another workbook: {found}",
        "'Pengukuran Kinerja'!J5 =[1]Sheet1!A1",
    ),
    Entry(
        "rumus-dari-sheet-tersembunyi", "error",
        "Rumus di {location} mengambil nilai dari sheet tersembunyi {sheet}: {found}",
        "The formula at {location} takes a value from the hidden sheet {sheet}: {found}",
        "'Pengukuran Kinerja'!J5 =Data!A1 with the sheet Data hidden",
    ),
    Entry(
        "nilai-salah", "error",
        "Nilai di {location} adalah {found}, seharusnya {expected} (dihitung ulang dari isian)",
        "The value at {location} is {found}, expected {expected} (recomputed from the inputs)",
        "a cached value edited in the file, or a formula recalculated from a typed-over cell",
    ),
    Entry(
        "nilai-belum-dihitung", "info",
        "{count} sel rumus tidak punya nilai tersimpan (file disimpan oleh program yang tidak "
        "menghitung); nilai tidak diperiksa. Buka dan simpan di Excel/LibreOffice",
        "{count} formula cells have no cached value (saved by a program that does not "
        "calculate); values were not checked. Open and save it in Excel/LibreOffice",
        "a workbook saved by openpyxl",
    ),
    Entry(
        "nilai-tidak-dapat-dihitung", "warning",
        "Nilai yang diharapkan tidak dapat dihitung dari isian ({found}); nilai tidak diperiksa",
        "The expected values cannot be computed from the inputs ({found}); values were not "
        "checked",
        "an unknown agregasi in 'Renstra & IKU'!F5",
    ),
    Entry(
        "mesin-berbeda", "warning",
        "Mesin {engine} menghitung {found} di {location}; nilai tersimpan di file {stored}, "
        "nilai menurut verify {expected}",
        "The {engine} engine computes {found} at {location}; the value stored in the file is "
        "{stored}, verify's value {expected}",
        "verify --engine libreoffice on a workbook with a stale value",
    ),
    Entry(
        "mesin-berbeda-tersimpan", "warning",
        "Mesin {engine} menghitung {found} di {location}, sedangkan nilai tersimpan di file "
        "{stored} (sel di luar tata letak lkjip-xl: verify tidak menghitungnya sendiri)",
        "The {engine} engine computes {found} at {location}, while the value stored in the file "
        "is {stored} (a cell outside the lkjip-xl layout: verify does not compute it itself)",
        "verify --engine libreoffice on a workbook whose own extra sheet holds a stale value",
    ),
    Entry(
        "mesin-tidak-tersedia", "warning",
        "Pendapat kedua dengan mesin {engine} tidak dapat dijalankan: {found}",
        "The second opinion with the {engine} engine could not run: {found}",
        "verify --engine libreoffice without LibreOffice installed",
    ),
    Entry(
        "tahun-lain", "error",
        "Workbook tahun pelaporan {found}, bukan {expected}: tidak direkap",
        "A workbook of reporting year {found}, not {expected}: not consolidated",
        "rekap --tahun 2025 over a folder holding a 2024 workbook",
    ),
]
