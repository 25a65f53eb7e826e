"""Findings of the guard and the grid reader (lkjip_xl/xlsx/guard.py, lkjip_xl/xlsx/stream.py).

A file that must not be read at all raises UnsafeFileError instead (docs/security.md); these are
what a readable file may still carry: active content that is never run or followed, and caps that
stopped a part early (the workbook was then not read completely, hence severity error).

Links to other workbooks and DDE / web functions in cell formulas are reported by the formula
audit (catalogue/audit.py: tautan-eksternal, fungsi-dde-web) from `WorkbookGrid.external_links`
and the formulas; the guard reports what only the package shows (DDE link parts, defined names).
"""

from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = [
    Entry(
        "makro-diabaikan", "warning",
        "Buku kerja berisi makro atau kontrol aktif ({parts}); makro tidak pernah dijalankan dan "
        "diabaikan, hanya isi sel yang dibaca",
        "The workbook contains macros or active controls ({parts}); they are never run and are "
        "ignored, only cell contents are read",
        "an .xlsm saved with a VBA project (xl/vbaProject.bin)",
    ),
    Entry(
        "tautan-dde", "error",
        "Tautan DDE {found} di {where}; DDE dapat menjalankan program saat file dibuka; tidak "
        "diikuti",
        "DDE link {found} at {where}; DDE can start programs when the file is opened; not "
        "followed",
        "an externalLink part with <ddeLink ddeService=\"cmd\" ddeTopic=\"/c calc\">",
    ),
    Entry(
        "nama-fungsi-eksternal", "error",
        "Nama terdefinisi {name} memakai {function}, yang mengambil data dari luar atau "
        "menjalankan kode saat dihitung ulang: {found}",
        "The defined name {name} uses {function}, which fetches outside data or runs code when "
        "recalculated: {found}",
        "a defined name Kurs = WEBSERVICE(\"http://...\")",
    ),
    Entry(
        "koneksi-data-eksternal", "warning",
        "Buku kerja berisi koneksi data eksternal ({found}); koneksi tidak pernah disegarkan",
        "The workbook contains external data connections ({found}); they are never refreshed",
        "a workbook with a Power Query or ODBC connection (xl/connections.xml)",
    ),
    Entry(
        "sel-di-luar-batas", "error",
        "Sel {found} berada di luar kisi Excel (maksimum XFD1048576); sel diabaikan",
        "Cell {found} lies outside Excel's grid (at most XFD1048576); the cell is ignored",
        "Sheet1!XFE1 written by a crafted file",
    ),
    Entry(
        "batas-sel-tercapai", "error",
        "Batas {expected} sel tercapai di {location}; sisa lembar ini dan lembar berikutnya tidak "
        "dibaca (naikkan dengan --max-sel bila workbook memang sebesar ini)",
        "The limit of {expected} cells was reached at {location}; the rest of this sheet and the "
        "following sheets were not read (raise it with --max-sel if the workbook really is this "
        "large)",
        "a sheet of 2 million cells with the default limits",
    ),
    Entry(
        "batas-teks-tercapai", "error",
        "Teks di {where} lebih panjang dari {expected} karakter; bagian {part} berhenti dibaca "
        "di sini",
        "A text at {where} is longer than {expected} characters; reading part {part} stopped "
        "there",
        "a shared string of 1 GiB",
    ),
    Entry(
        "batas-teks-bersama-tercapai", "error",
        "Tabel teks bersama melebihi batas {expected} ({what}); sisa tabel tidak dibaca dan sel "
        "yang merujuknya kosong",
        "The shared-strings table exceeds the limit of {expected} ({what}); the rest of the table "
        "was not read and cells referring to it are empty",
        "xl/sharedStrings.xml of 200 MB",
    ),
    Entry(
        "batas-waktu-tercapai", "error",
        "Batas waktu {expected} detik tercapai saat membaca bagian {part}; sisa buku kerja tidak "
        "dibaca (naikkan dengan --batas-waktu bila perlu)",
        "The time limit of {expected} seconds was reached while reading part {part}; the rest "
        "of the workbook was not read (raise it with --batas-waktu if needed)",
        "a sheet of 500 MB of XML",
    ),
    Entry(
        "rumus-bersama-rusak", "error",
        "Sel {location} memakai rumus bersama si={found} yang tidak punya sel induk; rumusnya "
        "tidak dapat dibaca",
        "Cell {location} uses shared formula si={found}, which has no master cell; its formula "
        "cannot be read",
        "<f t=\"shared\" si=\"7\"/> without a cell defining si 7",
    ),
    Entry(
        "teks-bersama-tidak-ada", "error",
        "Sel {location} merujuk teks bersama nomor {found}, tetapi tabel hanya berisi {expected} "
        "teks; sel dibaca kosong",
        "Cell {location} refers to shared string {found}, but the table holds only {expected}; "
        "the cell is read as empty",
        "<c t=\"s\"><v>99</v></c> with 10 shared strings",
    ),
    Entry(
        "nilai-sel-tidak-valid", "error",
        "Sel {location} bertipe {kind} berisi nilai tidak valid {found}; nilai disimpan sebagai "
        "teks",
        "Cell {location} of type {kind} holds an invalid value {found}; kept as text",
        "<c t=\"n\"><v>abc</v></c>",
    ),
    Entry(
        "temuan-dibatasi", "info",
        "Temuan {code} muncul {found} kali; hanya {expected} pertama yang dicantumkan",
        "Finding {code} occurred {found} times; only the first {expected} are listed",
        "a crafted sheet with 10,000 cells beyond XFD",
    ),
]
