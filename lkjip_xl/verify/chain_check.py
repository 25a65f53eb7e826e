"""The cascade's codes (issue #24, docs/renja-evaluation.md): a kegiatan's code starts with its
programme's and a sub-kegiatan's with its kegiatan's, segment by segment, whatever the code
structure; under a decree's structure (`pengaturan.nomenklatur`) every programme, kegiatan and
sub-kegiatan code has its shape, and a mis-padded one is named with the code it was meant to be
(`core.domain.nomenklatur`). Read from the rows as typed, so each finding points at its cell."""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_xl.core.domain import nomenklatur as nk
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema.sheets import INDIKATOR_PROGRAM, KEGIATAN, PROGRAM
from lkjip_xl.verify.renja_check import check_renja
from lkjip_xl.workbook.read import LayoutRead, TableRead
from lkjip_xl.xlsx.cells import cell_text

# the level's name in a message, in both languages
_TINGKAT = {"program": ("program", "programme"), "kegiatan": ("kegiatan", "kegiatan"),
            "sub_kegiatan": ("sub-kegiatan", "sub-kegiatan")}


def check_chain(lr: LayoutRead, dok: Dokumen | None) -> Iterator[Finding]:
    structure = dok.pengaturan.nomenklatur if dok is not None else nk.BEBAS
    if structure not in nk.NOMENKLATUR:
        structure = nk.BEBAS  # an unknown choice is the choices check's finding
    pg = lr.tables.get(PROGRAM.key)
    if pg is not None:
        for row in pg.rows:
            kode = cell_text(row.values.get("kode"))
            if kode is not None:
                yield from _shape(pg, row.row, "kode", kode, structure, "program")
    yield from _owners(lr, dok)
    yield from check_renja(lr, dok)
    kg = lr.tables.get(KEGIATAN.key)
    if kg is None:
        return
    for row in kg.rows:
        program = cell_text(row.values.get("kode_program"))
        kegiatan = cell_text(row.values.get("kode_kegiatan"))
        sub = cell_text(row.values.get("kode_sub"))
        if kegiatan is None:
            continue
        if sub is None:  # a kegiatan row
            yield from _under(kg, row.row, "kode_kegiatan", kegiatan, program, "kegiatan")
            yield from _shape(kg, row.row, "kode_kegiatan", kegiatan, structure, "kegiatan")
        else:
            yield from _under(kg, row.row, "kode_sub", sub, kegiatan, "sub_kegiatan")
            yield from _shape(kg, row.row, "kode_sub", sub, structure, "sub_kegiatan")


def _owners(lr: LayoutRead, dok: Dokumen | None) -> Iterator[Finding]:
    """An *Indikator Program* row whose kegiatan is another programme's, or whose sub-kegiatan
    is not under its kegiatan: the reader places it under no owner (it never invents one), so
    it is reported at the code to fix. A code found nowhere is the reference check's finding;
    a sub-kegiatan code without its kegiatan's is read as the programme's indicator, and said."""
    ip = lr.tables.get(INDIKATOR_PROGRAM.key)
    if ip is None or dok is None:
        return
    program_of: dict[str, str] = {}
    subs: set[tuple[str, str, str]] = set()
    for p in dok.program:
        for k in p.kegiatan:
            program_of.setdefault(k.kode, p.kode)
            subs.update((p.kode, k.kode, s.kode) for s in k.sub_kegiatan)
    for row in ip.rows:
        program, kegiatan, sub = (cell_text(row.values.get(c))
                                  for c in ("kode_program", "kode_kegiatan", "kode_sub"))
        if program is not None and kegiatan is None and sub is not None:
            # the reader takes the codes up to the first empty one: a programme's indicator
            yield Finding("indikator-program-sub-tanpa-kegiatan", "warning",
                          ip.where(row.row, "kode_kegiatan"), found=sub,
                          params={"program": program})
        if program is None or kegiatan is None or kegiatan not in program_of:
            continue
        if program_of[kegiatan] != program:
            yield Finding("indikator-program-beda-program", "error",
                          ip.where(row.row, "kode_kegiatan"), found=kegiatan,
                          expected=program_of[kegiatan], params={"program": program})
        elif sub is not None and (program, kegiatan, sub) not in subs:
            yield Finding("indikator-program-tanpa-sub-kegiatan", "error",
                          ip.where(row.row, "kode_sub"), found=sub,
                          params={"kegiatan": kegiatan})


def _under(tr: TableRead, row: int, key: str, kode: str, induk: str | None,
           tingkat: str) -> Iterator[Finding]:
    if induk is not None and not nk.berawal_induk(kode, induk):
        name, name_en = _TINGKAT[tingkat]
        yield Finding("kode-tidak-sesuai-induk", "warning", tr.where(row, key), found=kode,
                      expected=induk, params={"tingkat": name, "tingkat_en": name_en})


def _shape(tr: TableRead, row: int, key: str, kode: str, structure: str,
           tingkat: str) -> Iterator[Finding]:
    problem = nk.cek_kode(kode, structure, tingkat)
    if problem is None:
        return
    saran = problem.saran
    yield Finding("kode-tidak-sesuai-nomenklatur", "warning", tr.where(row, key), found=kode,
                  params={"nomenklatur": structure, "contoh": problem.contoh or "",
                          "saran": f"; mungkin maksudnya {saran}" if saran else "",
                          "saran_en": f"; perhaps {saran} was meant" if saran else ""})


__all__ = ["check_chain"]
