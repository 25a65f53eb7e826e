"""Finding codes of `lkjip-xl measure`: what could not be carried over to the output."""

from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = [
    Entry("lembar-tambahan-disalin", "warning",
          "lembar tambahan {location} disalin sebagai nilai saja ({cells} sel): rumus dan format "
          "tidak terbawa",
          "extra sheet {location} copied as values only ({cells} cells): formulas and formatting "
          "were not kept",
          "a sheet 'Catatan' the user added"),
    Entry("lembar-tidak-terbawa", "warning",
          "lembar {location} ({kind}) tidak dapat dibawa ke file keluaran",
          "sheet {location} ({kind}) cannot be carried over to the output",
          "a chart sheet"),
    Entry("objek-tidak-terbawa", "warning",
          "{location}: {objects} tidak terbawa ke file keluaran",
          "{location}: {objects} not carried over to the output",
          "a comment on 'PK'!C5"),
    Entry("sel-di-luar-tabel", "warning",
          "{location}: {count} sel berisi di luar tabel tidak terbawa: {cells}",
          "{location}: {count} filled cells outside the tables not carried over: {cells}",
          "a note typed in 'PK'!L3"),
    Entry("baris-tidak-terbawa", "warning",
          "{location}: baris tidak terbawa ({reason}): {found}",
          "{location}: row not carried over ({reason}): {found}",
          "a PK row whose code is not in 'Renstra & IKU'"),
    Entry("format-tidak-terbawa", "info",
          "warna sel buatan sendiri ({found}) tidak dibawa: sheet ditulis ulang dengan format "
          "lkjip-xl",
          "your own cell colours ({found}) are not kept: the sheets are written afresh in the "
          "lkjip-xl format",
          "a row coloured red by the user"),
    Entry("grafik-triwulan-dibatasi", "info",
          "grafik triwulan dibuat untuk {shown} indikator pertama dari {total}",
          "quarterly charts drawn for the first {shown} of {total} indicators",
          "a workbook with more than 30 indicators"),
    Entry(
        "laporan-diubah", "error",
        "Sel laporan {location} berbeda dari yang ditulis lkjip-xl measure untuk isian buku kerja "
        "ini: ditemukan {found}, seharusnya {expected}. Jangan mengetik di lembar laporan; ubah "
        "isiannya lalu jalankan measure lagi",
        "The report cell {location} differs from what lkjip-xl measure writes for this workbook's "
        "inputs: found {found}, expected {expected}. Do not type in the report sheets; change the "
        "inputs and run measure again",
        "a figure of 'Bab III Kinerja' typed over in a measured workbook",
    ),
    Entry(
        "laporan-baris-disisipkan", "error",
        "Sebuah baris disisipkan di baris {found} lembar laporan {sheet}; isi laporan di bawahnya "
        "bergeser satu baris. Batalkan (Ctrl+Z), atau tulis ulang lembar laporan dari isian dengan "
        "`lkjip-xl measure BERKAS.xlsx -o baru.xlsx` (tidak ada isian yang hilang)",
        "A row was inserted at row {found} of the report sheet {sheet}; the report below it moved "
        "one row down. Undo (Ctrl+Z), or write the report sheets again from the inputs with "
        "`lkjip-xl measure FILE.xlsx -o new.xlsx` (no input is lost)",
        "a row inserted at 'Bab III Kinerja'!A9 of a measured workbook",
    ),
    Entry(
        "laporan-baris-dihapus", "error",
        "Sebuah baris dihapus dari lembar laporan {sheet} di baris {found}; isi laporan di "
        "bawahnya naik satu baris dan satu baris laporan hilang. Batalkan (Ctrl+Z), atau tulis "
        "ulang lembar laporan dari isian dengan `lkjip-xl measure BERKAS.xlsx -o baru.xlsx` "
        "(tidak ada isian yang hilang)",
        "A row was deleted from the report sheet {sheet} at row {found}; the report below it moved "
        "one row up and one report row is gone. Undo (Ctrl+Z), or write the report sheets again "
        "from the inputs with `lkjip-xl measure FILE.xlsx -o new.xlsx` (no input is lost)",
        "row 9 of 'Bab III Kinerja' deleted in a measured workbook",
    ),
]
