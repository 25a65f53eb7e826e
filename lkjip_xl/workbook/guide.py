"""The Petunjuk (instructions) sheet's text, in Bahasa Indonesia."""

from __future__ import annotations

from lkjip_xl.schema import SHEETS


def guide_lines() -> list[str]:
    lines = [
        "Workbook ini dibuat oleh lkjip-xl untuk menyusun Pengukuran Kinerja dan LKjIP.",
        "",
        "Cara mengisi:",
        "1. Sel berwarna kuning muda adalah isian. Sel berwarna biru keabuan dihitung otomatis "
        "dan dikunci; jangan diketik ulang.",
        "2. Isi Profil dan Pengaturan lebih dulu, lalu Sasaran, Renstra & IKU, RKT, PK, "
        "Rencana Aksi, Realisasi Kinerja, Program dan Realisasi Anggaran.",
        "3. Baris dihubungkan dengan KODE, bukan dengan urutan atau nama. Kode indikator di PK, "
        "Rencana Aksi dan Realisasi Kinerja harus sama persis dengan di Renstra & IKU: pilih "
        "dari daftar di sel kode (kode sasaran dan kode program juga), jangan diketik ulang.",
        "4. Ketik angka tanpa titik ribuan, tanpa 'Rp' dan tanpa '%': 66 berarti 66 bila "
        "satuannya %. Desimal memakai pemisah sesuai Excel Anda.",
        "5. Sel kosong berarti belum dilaporkan; 0 berarti nol. Jangan mengisi 0 untuk data "
        "yang belum ada.",
        "6. Nilai triwulan ditulis sesuai Pengaturan 'Penulisan nilai triwulan': kumulatif "
        "(total s.d. triwulan itu, TW IV = setahun) atau per_triwulan.",
        "7. Program pendukung (administrasi, sarana, aparatur) dikosongkan kode sasarannya; "
        "anggarannya dilaporkan terpisah.",
        "8. Periksa workbook dengan: lkjip-xl verify NAMA_FILE.xlsx",
        "",
        "Aturan pengukuran (lihat sheet Pengaturan):",
        "- Capaian positif = realisasi / target x 100.",
        "- Capaian negatif (LAN) = (2 - realisasi/target) x 100; varian invers = target / "
        "realisasi x 100.",
        "- Capaian rentang = 100 di dalam rentang; di bawah: R/min x 100; di atas: "
        "(2 - R/maks) x 100.",
        "- Target 0 atau realisasi kosong: capaian dikosongkan (bukan 0).",
        "- Penyerapan = jumlah realisasi / jumlah anggaran x 100 di setiap tingkat.",
        "- Tingkat kemajuan = realisasi s.d. tahun ini / target akhir Renstra x 100.",
        "",
        "Isi setiap sheet:",
    ]
    for s in SHEETS[1:]:
        lines.append(f"- {s.name}: {s.title}. {' '.join(s.guide)}")
    return lines
