"""Finding codes of the generic formula audit (`lkjip_xl.audit`), which any .xlsx gets.

Templates may use: {location} {found} {expected} and the params each check sets: {formula}
(the cell's formula), {more} ("" or ", and N more cells ..."), {count}, and the ones named in
each entry's example.

The audit also emits `angka-sebagai-teks` (numbers stored as text), whose entry lives in
inputs.py: one code for one problem, whichever check finds it.
"""

from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = [
    Entry(
        "nilai-cache-basi", "error",
        "Nilai tersimpan di {location} ({found}) tidak sama dengan hasil rumus {formula} "
        "({expected}): berkas disimpan tanpa dihitung ulang, dan penampil yang tidak menghitung "
        "ulang menampilkan angka yang salah{more}.",
        "The value stored in {location} ({found}) differs from what its formula {formula} gives "
        "({expected}): the file was saved without recalculating, and viewers that do not "
        "recalculate show the wrong number{more}.",
        "'Pengukuran Kinerja'!H5 stores 0 while =F5/E5*100 gives 92.5",
    ),
    Entry(
        "nilai-cache-tidak-ada", "info",
        "{count} sel rumus tidak punya nilai tersimpan (pertama {first}): berkas belum pernah "
        "dihitung oleh aplikasi spreadsheet. Nilainya dihitung ulang oleh lkjip-xl.",
        "{count} formula cells have no stored value (first {first}): the file was never "
        "calculated by a spreadsheet application. lkjip-xl recomputed them.",
        "a workbook written by a script without cached values",
    ),
    Entry(
        "nilai-galat", "error",
        "{location} berisi galat {found} (rumus {formula}){more}.",
        "{location} holds the error {found} (formula {formula}){more}.",
        "Capaian!G9 is #DIV/0! because its target E9 is empty",
    ),
    Entry(
        "galat-tersembunyi-iferror", "warning",
        "{function} di {location} menyembunyikan galat {found} dari rumus {formula}: "
        "hasilnya {expected} tampak sah padahal perhitungannya gagal{more}.",
        "{function} in {location} hides the error {found} of {formula}: the result {expected} "
        "looks valid while the calculation failed{more}.",
        "=IFERROR(VLOOKUP(B7,Data!A:C,3,FALSE),0) where B7 is not in Data!A:A",
    ),
    Entry(
        "rumus-tidak-konsisten", "warning",
        "Rumus di {location} ({found}) berbeda dari rumus tetangganya di {neighbours}; "
        "dengan pola tetangga rumusnya {expected}.",
        "The formula in {location} ({found}) differs from its neighbours in {neighbours}; "
        "following their pattern it would be {expected}.",
        "F8 holds =D8*E7 between F7 =D7*E7 and F9 =D9*E9",
    ),
    Entry(
        "konstanta-di-antara-rumus", "warning",
        "{location} berisi angka ketikan {found} di antara rumus yang sama di {neighbours}; "
        "rumusnya ({formula}) memberi {expected}.",
        "{location} holds the typed value {found} between identical formulas in {neighbours}; "
        "the formula ({formula}) gives {expected}.",
        "G12 holds 87.5 typed over the capaian formula of G11 and G13",
    ),
    Entry(
        "rentang-kurang-satu", "warning",
        "{function}({found}) di {location} berhenti satu sel sebelum akhir blok angka: "
        "{cell} ({value}) tidak ikut dihitung; mungkin maksudnya {function}({expected}).",
        "{function}({found}) in {location} stops one cell short of the block of numbers: "
        "{cell} ({value}) is left out; probably meant {function}({expected}).",
        "=SUM(E5:E9) in E11 while E10 holds a number",
    ),
    Entry(
        "referensi-melingkar", "error",
        "Referensi melingkar: {cells}. Excel tidak dapat menghitung sel-sel ini.",
        "Circular reference: {cells}. Excel cannot calculate these cells.",
        "H5 =H6+1 and H6 =H5*2",
    ),
    Entry(
        "kalkulasi-iteratif", "warning",
        "Kalkulasi iteratif aktif: referensi melingkar tidak dilaporkan oleh Excel dan hasilnya "
        "bergantung pada jumlah iterasi.",
        "Iterative calculation is on: Excel reports no circular references and the results "
        "depend on the number of iterations.",
        "calcPr iterate=\"1\"",
    ),
    Entry(
        "kalkulasi-manual", "warning",
        "Mode kalkulasi manual: Excel tidak menghitung ulang rumus saat data berubah, "
        "sehingga nilai yang tampil bisa basi.",
        "Manual calculation mode: Excel does not recalculate formulas when data changes, so the "
        "values shown may be stale.",
        "calcPr calcMode=\"manual\"",
    ),
    Entry(
        "tautan-eksternal", "warning",
        "{location} merujuk ke workbook lain ({target}, rumus {formula}); tautan tidak diikuti, "
        "nilainya hanya nilai tersimpan, dan berubah atau rusak bila berkas itu dipindah{more}.",
        "{location} refers to another workbook ({target}, formula {formula}); the link is not "
        "followed, its value is only the stored one, and it changes or breaks when that file "
        "moves{more}.",
        "=[1]Anggaran!D4, or an externalLink part (location: the file)",
    ),
    Entry(
        "fungsi-dde-web", "error",
        "{location} mengambil data atau menjalankan sesuatu di luar berkas ({target}) lewat DDE "
        "atau web; rumus ini tidak dijalankan dan tidak patut ada dalam laporan kinerja{more}.",
        "{location} fetches data or runs something outside the file ({target}) through DDE or "
        "the web; this formula is never run and has no place in a performance report{more}.",
        "=WEBSERVICE(\"http://...\") or =cmd|'/c calc'!A0",
    ),
    Entry(
        "sheet-tersembunyi-dipakai", "warning",
        "Sheet {sheet} ({state}) tersembunyi tetapi dipakai oleh {count} rumus (pertama di "
        "{first}): angka yang dihitung darinya tidak terlihat oleh pemeriksa.",
        "Sheet {sheet} is hidden ({state}) but {count} formulas use it (first in {first}): "
        "auditors cannot see the figures they are computed from.",
        "a hidden sheet 'Bobot' that the capaian formulas read",
    ),
    Entry(
        "baris-tersembunyi-dipakai", "warning",
        "Baris tersembunyi {location} berisi data yang ikut dihitung oleh {count} rumus "
        "(pertama di {first}).",
        "Hidden rows {location} hold data that {count} formulas use (first in {first}).",
        "rows 12:14 hidden while =SUM(E5:E20) includes them",
    ),
    Entry(
        "kolom-tersembunyi-dipakai", "warning",
        "Kolom tersembunyi {location} berisi data yang ikut dihitung oleh {count} rumus "
        "(pertama di {first}).",
        "Hidden columns {location} hold data that {count} formulas use (first in {first}).",
        "column K hidden while =SUM(H5:L5) includes it",
    ),
    Entry(
        "nama-tersembunyi-dipakai", "warning",
        "Nama tersembunyi {name} ({target}) dipakai oleh {count} rumus (pertama di {first}).",
        "The hidden defined name {name} ({target}) is used by {count} formulas "
        "(first in {first}).",
        "a hidden name _bobot used in =F5*_bobot",
    ),
    Entry(
        "fungsi-tidak-didukung", "info",
        "Fungsi {function} tidak dapat dihitung oleh lkjip-xl; {count} sel (pertama {first}) "
        "memakai nilai tersimpannya tanpa diperiksa.",
        "The function {function} cannot be computed by lkjip-xl; {count} cells (first {first}) "
        "keep their stored value unchecked.",
        "=CUBEVALUE(...)",
    ),
    Entry(
        "rumus-tidak-terbaca", "info",
        "Rumus {formula} di {location} tidak dapat dibaca atau dihitung oleh lkjip-xl "
        "({detail}); nilainya tidak diperiksa{more}.",
        "The formula {formula} in {location} cannot be read or computed by lkjip-xl "
        "({detail}); its value is not checked{more}.",
        "a structured reference =Tabel1[@Target]",
    ),
]
