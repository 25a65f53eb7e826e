"""The computed tables declared: each column's formula template and the measured value it shows
(`Column.value`, a path into `core.measurement`'s row of the mirrored object)."""

from __future__ import annotations

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.schema import formulas as f
from lkjip_xl.schema.formulas import guard as _guard
from lkjip_xl.schema.input_tables import (
    PK,
    PRIOR_YEARS,
    REALISASI_KINERJA,
    RENCANA_AKSI,
    RENSTRA_SLOTS,
)
from lkjip_xl.schema.types import Column, SummaryCell, Table

# ---------------------------------------------------------------- computed tables
_T, _R, _POL, _A, _B = "{target}", "{realisasi}", "{polaritas}", "{target_min}", "{target_maks}"
_SLOT_REAL = [f"{{ry{i}}}" for i in range(1, RENSTRA_SLOTS + 1)]
_SLOT_TARGET = [f"{{IK.tr{i}}}" for i in range(1, RENSTRA_SLOTS + 1)]


def _slot_realisasi(i: int) -> str:
    """Realisation of Renstra slot i (year RenstraAwal+i-1): this year's, or N-k from Realisasi."""
    off = i - 1
    prior = ",".join(f"INDEX(RK_rl{k},{{m_rk}})" for k in range(1, PRIOR_YEARS + 1))
    back = f"Tahun-RenstraAwal-{off}"
    chosen = f"CHOOSE({back},{prior})"
    earlier = (f'IF(AND(RenstraAwal+{off}<Tahun,{back}<={PRIOR_YEARS},{{m_rk}}<>""),'
               f'IF(ISNUMBER({chosen}),{chosen},""),"")')
    return _guard(f'IF(OR(RenstraAwal="",Tahun=""),"",IF(RenstraAwal+{off}=Tahun,{_R},{earlier}))')


def _required(i: int) -> str:
    return f"AND(ISNUMBER({_SLOT_TARGET[i]}),RenstraAwal+{i}<=Tahun)"


def _slot_sums() -> tuple[str, str, str]:
    """Over the Renstra years that have a target: how many, how many realised, and their sum."""
    n_req = "+".join(f"IF({_required(i)},1,0)" for i in range(RENSTRA_SLOTS))
    n_ok = "+".join(f"IF(AND({_required(i)},ISNUMBER({_SLOT_REAL[i]})),1,0)"
                    for i in range(RENSTRA_SLOTS))
    total = "+".join(f"IF(AND({_required(i)},ISNUMBER({_SLOT_REAL[i]})),{_SLOT_REAL[i]},0)"
                     for i in range(RENSTRA_SLOTS))
    return n_req, n_ok, total


def _realisasi_sd() -> str:
    n_req, n_ok, total = _slot_sums()
    # Both need every target year's realisation (docs/rules.md): a partial sum or mean misstates
    # progress, so a missing year leaves the figure empty for rata_rata as for kumulatif.
    incomplete = f'OR(({n_req})=0,({n_ok})<({n_req}))'
    kumulatif = f'IF({incomplete},"",{total})'
    rata = f'IF({incomplete},"",({total})/({n_req}))'
    return _guard(f'IF({{agregasi}}="kumulatif",{kumulatif},IF({{agregasi}}="rata_rata",{rata},{_R}))')


def _realisasi_sd_v1() -> str:
    """Releases before 2026-11 (c44dc25): rata_rata averaged whichever target years had a
    realisation, where the domain rule leaves the figure empty."""
    n_req, n_ok, total = _slot_sums()
    kumulatif = f'IF(OR(({n_req})=0,({n_ok})<({n_req})),"",{total})'
    rata = f'IF(({n_ok})=0,"",({total})/({n_ok}))'
    return _guard(f'IF({{agregasi}}="kumulatif",{kumulatif},IF({{agregasi}}="rata_rata",{rata},{_R}))')


def _target_akhir() -> str:
    joined = ",".join(_SLOT_TARGET)
    total = f'IF(COUNT({joined})=0,"",SUM({joined}))'
    return _guard(f'IF({{agregasi}}="kumulatif",{total},{f.last_number(_SLOT_TARGET)})')


def _membaik() -> str:
    """Improvement by polarity; a gain within 1e-9 relative noise is no change (domain rule)."""
    r, rl = _R, "{realisasi_lalu}"
    noise = f"1E-9*MAX(ABS({r}),ABS({rl}))"

    def dist(x: str) -> str:
        return f"IF({x}<{_A},{_A}-{x},IF({x}>{_B},{x}-{_B},0))"

    def verdict(gain: str) -> str:
        return f'IF(({gain})>{noise},"Ya","Tidak")'

    rentang = f'IF(OR({_A}="",{_B}=""),"",{verdict(f"{dist(rl)}-{dist(r)}")})'
    by_pol = (f'IF({_POL}="negatif",{verdict(f"{rl}-{r}")},IF({_POL}="rentang",{rentang},'
              f'{verdict(f"{r}-{rl}")}))')
    return _guard(f'IF(OR({r}="",{rl}=""),"",{by_pol})')


def _pk(key: str) -> str:
    """A range bound from PK: only rentang indicators have one (the domain ignores it otherwise)."""
    return _guard(f'IF(OR({{m_pk}}="",{_POL}<>"rentang"),"",{f.lookup(f"PK_{key}", "{m_pk}")})')




def _match_column(table: Table) -> Column:
    """The row of the indicator's code in a table joined to it (the workbook's MATCH); the
    measurement's value is the indicator's own row, where the writer puts it."""
    return Column(f"m_{table.key.lower()}", f"Baris di {table.sheet}", f"Row in {table.sheet}",
                  "int", 8, formula=_guard(f'IFERROR(MATCH({{kode}},{table.key}_kode,0),"")'),
                  value="baris", matches=table.key)


PENGUKURAN = Table("PKK", "Pengukuran Kinerja", (
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 11, value="sasaran.kode",
           formula='IF({IK.kode}="","",{IK.kode_sasaran}&"")'),
    Column("kode", "Kode indikator", "Indicator code", "code", 11, value="indikator.kode",
           formula='IF({IK.kode}="","",{IK.kode}&"")'),
    Column("uraian", "Indikator kinerja", "Indicator", "text", 42, value="indikator.uraian",
           formula=_guard('{IK.uraian}&""')),
    Column("satuan", "Satuan", "Unit", "text", 8, value="indikator.satuan", formula=_guard('{IK.satuan}&""')),
    Column("polaritas", "Polaritas", "Polarity", "text", 10, value="indikator.polaritas", default="positif",
           formula=_guard('IF({IK.polaritas}="","positif",{IK.polaritas}&"")')),
    Column("agregasi", "Agregasi", "Aggregation", "text", 11, value="indikator.agregasi", default="akhir",
           formula=_guard('IF({IK.agregasi}="","akhir",{IK.agregasi}&"")')),
    Column("target", "Target", "Target", "number", 11, value="ukur.target",
           formula=_guard(f'IF(OR({{m_pk}}="",{_POL}="rentang"),"",'
                          f'IF(ISNUMBER(INDEX(PK_target_perubahan,{{m_pk}})),'
                          f'INDEX(PK_target_perubahan,{{m_pk}}),{f.lookup("PK_target", "{m_pk}")}))')),
    Column("target_min", "Target min", "Range min", "number", 10,
           value="ukur.target_min", formula=_pk("target_min")),
    Column("target_maks", "Target maks", "Range max", "number", 10,
           value="ukur.target_maks", formula=_pk("target_maks")),
    Column("realisasi", "Realisasi", "Realisation", "number", 11, value="ukur.realisasi",
           formula=_guard(f'IF({{m_rk}}="","",IF(ISNUMBER(INDEX(RK_realisasi,{{m_rk}})),'
                          f'INDEX(RK_realisasi,{{m_rk}}),'
                          f'{f.year_from_quarters("RK_r", "{m_rk}", "{agregasi}")}))')),
    Column("capaian", "Capaian (%)", "Achievement (%)", "percent", 11, value="ukur.capaian",
           formula=_guard(f.capaian(_T, _R, _POL, _A, _B))),
    Column("capaian_dipakai", "Capaian dipakai (%)", "Achievement used (%)", "percent", 11,
           value="ukur.capaian_dipakai",
           formula=_guard('IF({capaian}="","",IF(ISNUMBER(BatasCapaian),'
                          'MIN({capaian},BatasCapaian),{capaian}))')),
    Column("predikat", "Predikat", "Predicate", "text", 13, value="ukur.predikat",
           formula=_guard(f.predikat("{capaian_dipakai}"))),
    Column("realisasi_lalu", "Realisasi tahun lalu", "Last year's realisation", "number", 11,
           value="ukur.realisasi_lalu",
           formula=_guard(f'IF({{m_rk}}="","",{f.lookup("RK_rl1", "{m_rk}")})')),
    Column("perubahan", "Perubahan thd tahun lalu (%)", "Change on last year (%)", "percent", 12,
           value="ukur.perubahan",
           formula=_guard('IF(OR({realisasi}="",{realisasi_lalu}="",{realisasi_lalu}=0),"",'
                          '({realisasi}-{realisasi_lalu})/{realisasi_lalu}*100)')),
    Column("membaik", "Membaik?", "Improved?", "text", 9, value="ukur.membaik", formula=_membaik()),
    Column("target_akhir", "Target akhir Renstra", "Strategic-plan end target", "number", 12,
           value="ukur.target_akhir_renstra", formula=_target_akhir()),
    Column("realisasi_sd", "Realisasi s.d. tahun ini", "Realisation to date", "number", 12,
           value="ukur.realisasi_sd", formula=_realisasi_sd(), earlier=(_realisasi_sd_v1(),)),
    Column("kemajuan", "Tingkat kemajuan (%)", "Progress (%)", "percent", 12, value="ukur.kemajuan_renstra",
           formula=_guard('IF(OR({realisasi_sd}="",{target_akhir}="",{target_akhir}=0),"",'
                          '{realisasi_sd}/{target_akhir}*100)')),
    *(Column(f"ry{i}", f"Realisasi Renstra th-{i}", f"Realisation, plan year {i}", "number", 11,
             formula=_slot_realisasi(i), value=f"realisasi_renstra[{i - 1}]")
      for i in range(1, RENSTRA_SLOTS + 1)),
    *(_match_column(t) for t in (PK, RENCANA_AKSI, REALISASI_KINERJA)),
), default_capacity=60, mirror="IK")


def _tw_columns() -> tuple[Column, ...]:
    cols: list[Column] = []
    for q, r in zip(range(1, 5), ROMAN):
        cols.append(Column(f"t{q}", f"Target s.d. TW {r}", f"Target to Q{q}", "number", 11,
                           value=f"ukur.target_sd[{q - 1}]",
                           formula=_guard(f.quarters_to_date(q, "RA_t", "{PKK.m_ra}",
                                                             "{PKK.agregasi}"))))
        cols.append(Column(f"r{q}", f"Realisasi s.d. TW {r}", f"Realisation to Q{q}", "number",
                           11, value=f"ukur.realisasi_sd_tw[{q - 1}]",
                           formula=_guard(f.quarters_to_date(q, "RK_r", "{PKK.m_rk}",
                                                             "{PKK.agregasi}"))))
        cols.append(Column(f"c{q}", f"Capaian TW {r} (%)", f"Achievement Q{q} (%)", "percent", 11,
                           value=f"ukur.capaian_tw[{q - 1}]",
                           formula=_guard(f.capaian(f"{{t{q}}}", f"{{r{q}}}", "{PKK.polaritas}",
                                                    "{PKK.target_min}", "{PKK.target_maks}"))))
    return tuple(cols)


PENGUKURAN_TW = Table("PTW", "Pengukuran Triwulan", (
    Column("kode", "Kode indikator", "Indicator code", "code", 11, value="indikator.kode",
           formula='IF({IK.kode}="","",{IK.kode}&"")'),
    Column("uraian", "Indikator kinerja", "Indicator", "text", 40, value="indikator.uraian",
           formula=_guard('{IK.uraian}&""')),
    *_tw_columns(),
), default_capacity=60, mirror="IK")

def _kg(expr: str) -> str:
    return 'IF({KG.kode_kegiatan}="","",' + expr + ")"


def _kegiatan_amount(key: str, codes: str = "AK") -> str:
    """A kegiatan's own amount, else the sum of its sub-kegiatan's. The count of sub-kegiatan
    compares this sheet's own text copies of the codes (`AK_kode_kegiatan`): a code Calc or a
    paste takes for a number (4.01) never equals its text in a SUMPRODUCT (SUMIFS criteria
    coerce, an equality does not). Layouts 1-3 until then compared `KG_kode_kegiatan`
    (`codes="KG"`, kept as the earlier formula)."""
    own = f.num(f"{{KG.{key}}}")
    n_sub = f.count_where([f"({codes}_kode_kegiatan={{kode_kegiatan}})", '(KG_kode_sub<>"")',
                           f"ISNUMBER(KG_{key})"])
    from_subs = f.sum_or_blank(n_sub, f'SUMIFS(KG_{key},KG_kode_kegiatan,{{kode_kegiatan}},'
                                      f'KG_kode_sub,"<>")')
    return _kg(f'IF({{tingkat}}="Sub",{own},IF(ISNUMBER({{KG.{key}}}),{{KG.{key}}},{from_subs}))')


ANGGARAN_KEGIATAN = Table("AK", "Anggaran Kegiatan", (
    Column("kode_program", "Kode program", "Programme code", "code", 13, value="program.kode",
           formula=_kg('{KG.kode_program}&""')),
    Column("kode_kegiatan", "Kode kegiatan", "Activity code", "code", 14, value="kegiatan.kode",
           formula=_kg('{KG.kode_kegiatan}&""')),
    Column("kode_sub", "Kode sub-kegiatan", "Sub-activity code", "code", 14, value="sub.kode",
           formula=_kg('{KG.kode_sub}&""')),
    Column("tingkat", "Tingkat", "Level", "text", 10, value="tingkat",
           formula=_kg('IF({KG.kode_sub}="","Kegiatan","Sub")')),
    Column("uraian", "Kegiatan / sub-kegiatan", "Activity", "text", 45, value="uraian",
           formula=_kg('{KG.uraian}&""')),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 11, value="program.sasaran",
           formula=_kg('IFERROR(INDEX(PG_kode_sasaran,MATCH({kode_program},PG_kode,0))&"","")')),
    Column("kelompok", "Kelompok", "Group", "text", 11, value="kelompok",
           formula=_kg('IF({kode_sasaran}="","Pendukung","Sasaran")')),
    Column("anggaran", "Anggaran", "Allocation", "money", 17,
           value="anggaran", formula=_kegiatan_amount("anggaran"),
           earlier=(_kegiatan_amount("anggaran", codes="KG"),)),
    Column("realisasi", "Realisasi", "Spent", "money", 17,
           value="realisasi", formula=_kegiatan_amount("realisasi"),
           earlier=(_kegiatan_amount("realisasi", codes="KG"),)),
    Column("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12, value="penyerapan",
           formula=_kg(f.penyerapan("{anggaran}", "{realisasi}"))),
), default_capacity=300, mirror="KG", row_key="kode_kegiatan")


def _sum_ak(key: str, criteria: list[tuple[str, str]]) -> str:
    mask = [f"(AK_{c}={v})" for c, v in criteria] + [f"ISNUMBER(AK_{key})"]
    sumifs = ",".join(f"AK_{c},{v}" for c, v in criteria)
    return f.sum_or_blank(f.count_where(mask), f"SUMIFS(AK_{key},{sumifs})")


_KEG = ("tingkat", '"Kegiatan"')

ANGGARAN_PROGRAM = Table("AP", "Anggaran Program", (
    Column("kode", "Kode program", "Programme code", "code", 13, value="program.kode",
           formula='IF({PG.kode}="","",{PG.kode}&"")'),
    Column("uraian", "Program", "Programme", "text", 50,
           value="program.uraian", formula=_guard('{PG.uraian}&""')),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 11, value="program.sasaran",
           formula=_guard('{PG.kode_sasaran}&""')),
    Column("anggaran", "Anggaran", "Allocation", "money", 17, value="ukur.anggaran",
           formula=_guard(_sum_ak("anggaran", [("kode_program", "{kode}"), _KEG]))),
    Column("realisasi", "Realisasi", "Spent", "money", 17, value="ukur.realisasi_anggaran",
           formula=_guard(_sum_ak("realisasi", [("kode_program", "{kode}"), _KEG]))),
    Column("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12, value="ukur.penyerapan",
           formula=_guard(f.penyerapan("{anggaran}", "{realisasi}"))),
), default_capacity=40, mirror="PG")

_AE_CAPAIAN_N = f.count_where(["(PKK_kode_sasaran={kode})", "ISNUMBER(PKK_capaian_dipakai)"])
_AE_UNIT_N = f.count_where(["(PKK_kode_sasaran={kode})", "ISNUMBER(PKK_realisasi)"])


def _efisiensi() -> str:
    return _guard(f.efisiensi("MetodeEfisiensi", "{capaian}", "{penyerapan}", "{realisasi}",
                              "{unit_outcome}"))


ANGGARAN_SASARAN = Table("AE", "Anggaran & Efisiensi", (
    Column("kode", "Kode sasaran", "Objective code", "code", 11, value="sasaran.kode",
           formula='IF({SS.kode}="","",{SS.kode}&"")'),
    Column("uraian", "Sasaran strategis", "Strategic objective", "text", 45, value="sasaran.uraian",
           formula=_guard('{SS.uraian}&""')),
    Column("capaian", "Capaian kinerja (%)", "Achievement (%)", "percent", 12, value="ukur.capaian",
           formula=_guard(f.sum_or_blank(_AE_CAPAIAN_N,
                                         f"SUMIFS(PKK_capaian_dipakai,PKK_kode_sasaran,{{kode}})"
                                         f"/{_AE_CAPAIAN_N}"))),
    Column("predikat", "Predikat", "Predicate", "text", 13,
           value="ukur.predikat", formula=_guard(f.predikat("{capaian}"))),
    Column("anggaran", "Anggaran", "Allocation", "money", 17, value="ukur.anggaran",
           formula=_guard(_sum_ak("anggaran", [("kode_sasaran", "{kode}"), _KEG]))),
    Column("realisasi", "Realisasi anggaran", "Spent", "money", 17, value="ukur.realisasi_anggaran",
           formula=_guard(_sum_ak("realisasi", [("kode_sasaran", "{kode}"), _KEG]))),
    Column("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12, value="ukur.penyerapan",
           formula=_guard(f.penyerapan("{anggaran}", "{realisasi}"))),
    Column("unit_outcome", "Realisasi outcome (unit)", "Outcome units achieved", "number", 12,
           value="unit_outcome",
           formula=_guard(f.sum_or_blank(_AE_UNIT_N,
                                         "SUMIFS(PKK_realisasi,PKK_kode_sasaran,{kode})"))),
    Column("efisiensi", "Tingkat efisiensi", "Efficiency", "points", 12,
           value="ukur.efisiensi", formula=_efisiensi()),
    Column("metode", "Metode efisiensi", "Efficiency method", "text", 14, value="metode",
           formula=_guard('IF(MetodeEfisiensi="","selisih",MetodeEfisiensi&"")')),
), default_capacity=20, mirror="SS", header_row=8)


def _block(group: str | None) -> tuple[str, str, str]:
    crit = [_KEG] + ([("kelompok", f'"{group}"')] if group else [])
    a, r = _sum_ak("anggaran", crit), _sum_ak("realisasi", crit)
    return a, r, f.penyerapan(a, r)


def ae_summary() -> tuple[SummaryCell, ...]:
    cols = [ANGGARAN_SASARAN.index(k) for k in ("anggaran", "realisasi", "penyerapan")]
    kinds = ("money", "money", "percent")
    out: list[SummaryCell] = []
    for row, key, label, en, group in ((4, "pendukung", "Program pendukung (tanpa sasaran)",
                                        "Support programmes", "Pendukung"),
                                       (5, "total", "Total instansi", "Agency total", None)):
        for col, part, kind, expr in zip(cols, ("anggaran", "realisasi", "penyerapan"), kinds,
                                         _block(group)):
            out.append(SummaryCell(f"{key}_{part}", label, en, row, col, expr, kind))  # type: ignore[arg-type]
    return tuple(out)
