"""The Renja evaluation's computed tables (Formulir E.81, docs/renja-evaluation.md): the K columns
of every programme, kegiatan and sub-kegiatan indicator, the Rp columns of every kegiatan and
sub-kegiatan row and of every programme, and the form's footer.

Each column's formula follows `core.domain.renja` exactly (the same order of operations, "" where
the domain gives None) and names the value it shows in the measured row `core.measurement` builds
from `core.evaluasi` (`value=`): the cached values, verify's expected values and the E.81 report
sheet's are that one computation. Columns 1..4 of the form are the owners' codes and names; the
K and Rp pairs keep the regulation's numbers (5, 6, 7, 8-11, 12, 12a, 13, 14).
"""

from __future__ import annotations

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.schema import formulas as f
from lkjip_xl.schema.formulas import guard
from lkjip_xl.schema.input_tables import PRIOR_YEARS, RENSTRA_SLOTS
from lkjip_xl.schema.types import Column, SummaryCell, Table, col_letter

_SLOTS = range(1, RENSTRA_SLOTS + 1)
_NO_YEARS = 'OR(RenstraAwal="",Tahun="")'


def _year(i: int) -> str:
    """The year of Renstra slot i (1-based)."""
    return f"(RenstraAwal+{i - 1})"


def _last(cells: list[str]) -> str:
    return f.last_number(cells)


def _own_amounts(cells: list[str], flow: str) -> list[str]:
    """Columns 8-11 of a flow (`core.domain.renja.tw_sendiri`): typed as totals to date
    (NilaiTW kumulatif), each quarter's own amount is the difference from the last total
    reported before it; typed per quarter, as typed. `flow`: when the row is a flow at all
    (else each quarter as typed, a level or a mean)."""
    out = []
    for q, cell in enumerate(cells):
        before = _last(cells[:q])
        diff = (f"IF(ISNUMBER({cell}),IF(ISNUMBER({before}),{cell}-({before}),{cell}),\"\")"
                if q else f.num(cell))
        out.append(f'IF(AND({flow},NilaiTW<>"per_triwulan"),{diff},{f.num(cell)})')
    return out


def _year_total(cells: list[str], agregasi: str | None) -> str:
    """`nilai_tahunan`: the sum (a flow typed per quarter), the mean, or the last reported."""
    joined = ",".join(cells)
    total = f'IF(COUNT({joined})=0,"",SUM({joined}))'
    flow = f'IF(NilaiTW="per_triwulan",{total},{_last(cells)})'
    if agregasi is None:  # money: always a flow
        return flow
    mean = f'IF(COUNT({joined})=0,"",AVERAGE({joined}))'
    return f'IF({agregasi}="kumulatif",{flow},IF({agregasi}="rata_rata",{mean},{_last(cells)}))'


def _counted(cond: list[str], value: list[str]) -> tuple[str, str, str]:
    """Over the slots where `cond` holds: how many, how many have a number, and their sum."""
    n = "+".join(f"IF({c},1,0)" for c in cond)
    ok = "+".join(f"IF(AND({c},ISNUMBER({v})),1,0)" for c, v in zip(cond, value))
    total = "+".join(f"IF(AND({c},ISNUMBER({v})),{v},0)" for c, v in zip(cond, value))
    return n, ok, total


def _prior(rl: list[str], i: int) -> str:
    """The realisation of Renstra slot i's year from the N-1..N-5 columns `rl`, when it is one
    of those years, else empty."""
    back = f"Tahun-{_year(i)}"
    chosen = f"CHOOSE({back},{','.join(rl)})"
    return (f'IF(AND({_year(i)}<Tahun,{back}<={PRIOR_YEARS}),'
            f'IF(ISNUMBER({chosen}),{chosen},""),"")')


# ---------------------------------------------------------------- K: one row per indicator
_TR = [f"{{IP.tr{i}}}" for i in _SLOTS]
_RY = [f"{{ry{i}}}" for i in _SLOTS]
_RL = [f"{{IP.rl{k}}}" for k in range(1, PRIOR_YEARS + 1)]
_AGR = "{agregasi}"
_BEFORE = [f"AND(ISNUMBER({t}),{_year(i)}<Tahun)" for i, t in zip(_SLOTS, _TR)]
_UPTO = [f"AND(ISNUMBER({t}),{_year(i)}<=Tahun)" for i, t in zip(_SLOTS, _TR)]


def _k5() -> str:
    joined = ",".join(_TR)
    total = f'IF(COUNT({joined})=0,"",SUM({joined}))'
    return guard(f'IF(RenstraAwal="","",IF({_AGR}="kumulatif",{total},{_last(_TR)}))')


def _k6() -> str:
    """The Renstra years before this one with a target: kumulatif their sum, rata_rata their
    mean (every one realised), akhir the last one's."""
    n, ok, total = _counted(_BEFORE, _RY)
    last = '""'
    for c, v in zip(_BEFORE, _RY):  # nested from the first slot out: the last is tested first
        last = f'IF({c},IF(ISNUMBER({v}),{v},""),{last})'
    incomplete = f"OR(({n})=0,({ok})<({n}))"
    by = (f'IF({_AGR}="kumulatif",IF({incomplete},"",{total}),'
          f'IF({_AGR}="rata_rata",IF({incomplete},"",({total})/({n})),{last}))')
    return guard(f'IF({_NO_YEARS},"",{by})')


def _k13() -> str:
    """akhir (or no 12): 12; kumulatif / rata_rata: `realisasi_sd` over the Renstra years up to
    this one with a target, this year's being 12."""
    n, ok, total = _counted(_UPTO, _RY)
    incomplete = f"OR(({n})=0,({ok})<({n}))"
    by = (f'IF({_AGR}="kumulatif",IF({incomplete},"",{total}),'
          f'IF({_AGR}="rata_rata",IF({incomplete},"",({total})/({n})),{{k12}}))')
    return guard(f'IF(OR({{k12}}="",{_AGR}="akhir"),{{k12}},IF({_NO_YEARS},"",{by}))')


def _ry(i: int) -> str:
    return guard(f'IF({_NO_YEARS},"",IF({_year(i)}=Tahun,{{k12}},{_prior(_RL, i)}))')


_RQ = [f"{{IP.r{q}}}" for q in range(1, 5)]


def _k_columns() -> tuple[Column, ...]:
    tw = _own_amounts(_RQ, f'{_AGR}="kumulatif"')
    return (
        Column("k5", "5 K: target akhir Renstra", "5 K: plan end target", "number", 11,
               value="k.k5", formula=_k5()),
        Column("k6", "6 K: realisasi s.d. tahun lalu", "6 K: realised to last year", "number", 11,
               value="k.k6", formula=_k6()),
        Column("k7", "7 K: target Renja", "7 K: work-plan target", "number", 11, value="k.k7",
               formula=guard(f.num("{IP.target}"))),
        *(Column(f"k{7 + q}", f"{7 + q} K: realisasi TW {r}", f"{7 + q} K: realised Q{q}",
                 "number", 11, value=f"k.tw[{q - 1}]", formula=guard(tw[q - 1]))
          for q, r in zip(range(1, 5), ROMAN)),
        Column("k12", "12 K: realisasi tahun ini", "12 K: realised this year", "number", 11,
               value="k.k12",
               formula=guard(f'IF(ISNUMBER({{IP.realisasi}}),{{IP.realisasi}},'
                             f'{_year_total(_RQ, _AGR)})')),
        Column("k12a", "12a K: capaian Renja (%)", "12a K: work-plan achievement (%)", "percent",
               11, value="k.k12a",
               formula=guard(f.capaian("{k7}", "{k12}", "{polaritas}", "{target_min}",
                                       "{target_maks}"))),
        Column("k12a_dipakai", "12a K dipakai (%)", "12a K used (%)", "percent", 11,
               value="k.capaian_dipakai",
               formula=guard('IF({k12a}="","",IF(ISNUMBER(BatasCapaian),'
                             'MIN({k12a},BatasCapaian),{k12a}))')),
        Column("k13", "13 K: realisasi s.d. tahun ini", "13 K: realised to date", "number", 11,
               value="k.k13", formula=_k13()),
        Column("k14", "14 K: capaian Renstra (%)", "14 K: plan achievement (%)", "percent", 11,
               value="k.k14",
               formula=guard('IF(OR({k13}="",{k5}="",{k5}=0),"",{k13}/{k5}*100)')),
    )


EVALUASI_INDIKATOR = Table("EIP", "Renja Kinerja", (
    Column("kode_program", "Kode program", "Programme code", "code", 11, value="kode_program",
           formula='IF({IP.kode}="","",{IP.kode_program}&"")'),
    Column("kode_kegiatan", "Kode kegiatan", "Activity code", "code", 12, value="kode_kegiatan",
           formula=guard('{IP.kode_kegiatan}&""')),
    Column("kode_sub", "Kode sub-kegiatan", "Sub-activity code", "code", 12, value="kode_sub",
           formula=guard('{IP.kode_sub}&""')),
    Column("kode", "Kode indikator", "Indicator code", "code", 9, value="indikator.kode",
           formula='IF({IP.kode}="","",{IP.kode}&"")'),
    Column("tingkat", "Tingkat", "Level", "text", 11, value="tingkat",
           formula=guard('IF({IP.kode_sub}<>"","Sub-kegiatan",'
                         'IF({IP.kode_kegiatan}<>"","Kegiatan","Program"))')),
    Column("uraian", "Indikator (outcome / output)", "Indicator (outcome / output)", "text", 36,
           value="indikator.uraian", formula=guard('{IP.uraian}&""')),
    Column("satuan", "Satuan", "Unit", "text", 8, value="indikator.satuan",
           formula=guard('{IP.satuan}&""')),
    Column("polaritas", "Polaritas", "Polarity", "text", 9, value="indikator.polaritas",
           default="positif", formula=guard('IF({IP.polaritas}="","positif",{IP.polaritas}&"")')),
    Column("agregasi", "Agregasi", "Aggregation", "text", 10, value="indikator.agregasi",
           default="akhir", formula=guard('IF({IP.agregasi}="","akhir",{IP.agregasi}&"")')),
    Column("target_min", "Target min", "Range min", "number", 9, value="indikator.target_min",
           formula=guard(f.num("{IP.target_min}"))),
    Column("target_maks", "Target maks", "Range max", "number", 9, value="indikator.target_maks",
           formula=guard(f.num("{IP.target_maks}"))),
    *_k_columns(),
    *(Column(f"ry{i}", f"Realisasi Renstra th-{i}", f"Realisation, plan year {i}", "number", 11,
             value=f"realisasi_renstra[{i - 1}]", formula=_ry(i), prints=False) for i in _SLOTS),
), default_capacity=60, mirror="IP", header_row=9)


# ---------------------------------------------------------------- Rp: kegiatan and sub-kegiatan
_KEY = "kode_kegiatan"


def _money_history(table: str) -> tuple[list[str], list[str]]:
    return ([f"{{{table}.pr{i}}}" for i in _SLOTS],
            [f"{{{table}.ral{k}}}" for k in range(1, PRIOR_YEARS + 1)])


def _periode(pr: list[str]) -> str:
    return f'AND(RenstraAwal<>"",COUNT({",".join(pr)})>0)'


def _rp5(pr: list[str]) -> str:
    joined = ",".join(pr)
    return f'IF(RenstraAwal="","",IF(COUNT({joined})=0,"",SUM({joined})))'


def _funded_before(pr: list[str]) -> list[str]:
    return [f"AND(ISNUMBER({p}),{_year(i)}<Tahun)" for i, p in zip(_SLOTS, pr)]


_RS = [f"{{rs{i}}}" for i in _SLOTS]


def _rs_columns(table: str, key: str) -> tuple[Column, ...]:
    """Each Renstra year's spending before this one, from the N-1..N-5 columns."""
    _, ral = _money_history(table)
    return tuple(Column(f"rs{i}", f"Realisasi anggaran Renstra th-{i}",
                        f"Spent, plan year {i}", "money", 13, value=f"uang_renstra[{i - 1}]",
                        formula=guard(f'IF({_NO_YEARS},"",{_prior(ral, i)})', key), prints=False)
                 for i in _SLOTS)


def _rp6(pr: list[str], ral: list[str]) -> str:
    """The spending of the Renstra's funded years before this one (every one known), or without
    any funded year the spending the history holds."""
    n, ok, total = _counted(_funded_before(pr), _RS)
    joined = ",".join(ral)
    return (f'IF(Tahun="","",IF({_periode(pr)},IF(OR(({n})=0,({ok})<({n})),"",{total}),'
            f'IF(COUNT({joined})=0,"",SUM({joined}))))')


def _rp13(pr: list[str], rp6: str, rp12: str) -> str:
    """6 + 12; 12 in the Renstra's first year (no funded year before this one)."""
    n = "+".join(f"IF({c},1,0)" for c in _funded_before(pr))
    return (f'IF(AND({_periode(pr)},({n})=0),{rp12},'
            f'IF(OR({rp6}="",{rp12}=""),"",{rp6}+{rp12}))')


_KG_PR, _KG_RAL = _money_history("KG")
_KG_RQ = [f"{{KG.r{q}}}" for q in range(1, 5)]
_KG_OWN = ",".join(["{KG.anggaran}", "{KG.realisasi}", "{KG.anggaran_murni}", *_KG_RQ,
                    *_KG_PR, *_KG_RAL])
# codes compared in SUMPRODUCT as this sheet's text copies: a programme code typed as a number
# (1.01) in Realisasi Anggaran is not equal to the text "1.01" there (SUMIFS criteria coerce)
_N_SUB = f.count_where(["(ERK_kode_kegiatan={kode_kegiatan})", '(KG_kode_sub<>"")'])
# the columns a parent without money of its own sums (12a and 14 are recomputed from them)
_SUMMED = ("5", "6", "7", "8", "9", "10", "11", "12", "13")


def _subs_sum(own: str) -> str:
    """The sum of the kegiatan's sub-kegiatan rows' own column `own` (empty when none has one)."""
    n = f.count_where(["(ERK_kode_kegiatan={kode_kegiatan})", '(KG_kode_sub<>"")',
                       f"ISNUMBER(ERK_{own})"])
    return f.sum_or_blank(n, f'SUMIFS(ERK_{own},KG_kode_kegiatan,{{kode_kegiatan}},'
                             f'KG_kode_sub,"<>")')


# as wide as the other computed money columns (Anggaran Kegiatan, Anggaran Program): a
# programme's five-year Renstra money of a province runs to tens of billions of rupiah
# ("Rp 56,506,743,492"), which a narrower column prints as ###
RP_WIDTH = 17

_RP_HEADERS = {
    "5": ("5 Rp: pagu Renstra", "5 Rp: plan allocation"),
    "6": ("6 Rp: realisasi s.d. tahun lalu", "6 Rp: spent to last year"),
    "7": ("7 Rp: pagu tahun ini", "7 Rp: this year's allocation"),
    **{str(7 + q): (f"{7 + q} Rp: realisasi TW {r}", f"{7 + q} Rp: spent Q{q}")
       for q, r in zip(range(1, 5), ROMAN)},
    "12": ("12 Rp: realisasi tahun ini", "12 Rp: spent this year"),
    "12a": ("12a Rp: penyerapan (%)", "12a Rp: absorption (%)"),
    "13": ("13 Rp: realisasi s.d. tahun ini", "13 Rp: spent to date"),
    "14": ("14 Rp: capaian Renstra (%)", "14 Rp: plan achievement (%)"),
}


def _path(n: str) -> str:
    return f"tw[{int(n) - 8}]" if n in ("8", "9", "10", "11") else f"k{n}"


def _own_columns() -> tuple[Column, ...]:
    tw = _own_amounts(_KG_RQ, "TRUE")
    formulas = {
        "5": _rp5(_KG_PR), "6": _rp6(_KG_PR, _KG_RAL), "7": f.num("{KG.anggaran}"),
        **{str(7 + q): tw[q - 1] for q in range(1, 5)},
        "12": f'IF(ISNUMBER({{KG.realisasi}}),{{KG.realisasi}},{_year_total(_KG_RQ, None)})',
        "13": _rp13(_KG_PR, "{o6}", "{o12}"),
    }
    return tuple(Column(f"o{n}", f"Uang sendiri {n}", f"Own money {n}", "money", 13,
                        value=f"e81_sendiri.{_path(n)}", formula=guard(formulas[n], _KEY),
                        prints=False)
                 for n in _SUMMED)


def _rp_columns(summed: dict[str, str], table: str) -> tuple[Column, ...]:
    """The Rp columns of the form from `summed` (5 .. 13 but 12a), 12a and 14 from them."""
    key = "kode_kegiatan" if table == "ERK" else "kode"
    cols = []
    for n in ("5", "6", "7", "8", "9", "10", "11", "12", "12a", "13", "14"):
        header, en = _RP_HEADERS[n]
        if n == "12a":
            formula, kind = f.penyerapan("{rp7}", "{rp12}"), "percent"
        elif n == "14":
            formula, kind = f.penyerapan("{rp5}", "{rp13}"), "percent"
        else:
            formula, kind = summed[n], "money"
        cols.append(Column(f"rp{n}", header, en, kind, RP_WIDTH if kind == "money" else 9,  # type: ignore[arg-type]
                           value=f"e81.{_path(n)}", formula=guard(formula, key)))
    return tuple(cols)


EVALUASI_KEGIATAN = Table("ERK", "Renja Anggaran Kegiatan", (
    Column("kode_program", "Kode program", "Programme code", "code", 10, value="program.kode",
           formula=guard('{KG.kode_program}&""', _KEY)),
    Column("kode_kegiatan", "Kode kegiatan", "Activity code", "code", 11, value="kegiatan.kode",
           formula='IF({KG.kode_kegiatan}="","",{KG.kode_kegiatan}&"")'),
    Column("kode_sub", "Kode sub-kegiatan", "Sub-activity code", "code", 11, value="sub.kode",
           formula=guard('{KG.kode_sub}&""', _KEY)),
    Column("uraian", "Kegiatan / sub-kegiatan", "Activity", "text", 42, value="uraian",
           formula=guard('{KG.uraian}&""', _KEY)),
    Column("tingkat", "Tingkat", "Level", "text", 9, value="tingkat",
           formula=guard('IF({KG.kode_sub}="","Kegiatan","Sub")', _KEY)),
    Column("sendiri", "Uang sendiri?", "Own money?", "text", 8, value="e81_uang_sendiri",
           formula=guard(f'IF({{KG.kode_sub}}<>"","Ya",IF(COUNT({_KG_OWN})>0,"Ya",'
                         f'IF({_N_SUB}=0,"Ya","Tidak")))', _KEY)),
    *_rp_columns({n: f'IF({{sendiri}}="Ya",{{o{n}}},{_subs_sum(f"o{n}")})' for n in _SUMMED},
                 "ERK"),
    *_own_columns(),
    *_rs_columns("KG", _KEY),
), default_capacity=300, mirror="KG", row_key="kode_kegiatan", header_row=4)


# ---------------------------------------------------------------- Rp: programmes
_PG_PR, _PG_RAL = _money_history("PG")


def _kegiatan_sum(col: str) -> str:
    """The sum of the programme's kegiatan rows' column (their sub-kegiatan are inside them)."""
    n = f.count_where(["(ERK_kode_program={kode})", '(ERK_tingkat="Kegiatan")',
                       f"ISNUMBER(ERK_{col})"])
    return f.sum_or_blank(n, f'SUMIFS(ERK_{col},KG_kode_program,{{kode}},'
                             f'ERK_tingkat,"Kegiatan")')


def _program_summed() -> dict[str, str]:
    """7-12 always the kegiatan's sums; 5, 6, 13 from the programme's own history when typed."""
    out = {n: _kegiatan_sum(f"rp{n}") for n in _SUMMED}
    own = '{sendiri}="Ya"'
    out["5"] = f'IF({own},{_rp5(_PG_PR)},{out["5"]})'
    out["6"] = f'IF({own},{_rp6(_PG_PR, _PG_RAL)},{out["6"]})'
    out["13"] = f'IF({own},{_rp13(_PG_PR, "{rp6}", "{rp12}")},{out["13"]})'
    return out


EVALUASI_PROGRAM = Table("ERP", "Renja Anggaran Program", (
    Column("kode", "Kode program", "Programme code", "code", 10, value="program.kode",
           formula='IF({PG.kode}="","",{PG.kode}&"")'),
    Column("uraian", "Program", "Programme", "text", 28, value="program.uraian",
           formula=guard('{PG.uraian}&""')),
    Column("sendiri", "Riwayat sendiri?", "Own history?", "text", 8, value="e81_uang_sendiri",
           formula=guard(f'IF(COUNT({",".join(_PG_PR + _PG_RAL)})>0,"Ya","Tidak")')),
    *_rp_columns(_program_summed(), "ERP"),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 10, value="program.sasaran",
           formula=guard('{PG.kode_sasaran}&""'), prints=False),
    *_rs_columns("PG", "kode"),
), default_capacity=40, mirror="PG")


# ---------------------------------------------------------------- the footer
def footer() -> tuple[SummaryCell, ...]:
    """The form's footer above the K table: the mean of the rows' capped 12a K, its predicate,
    the mean of 14 K, and the programmes' absorption (summed money, weighted by pagu)."""
    col = EVALUASI_INDIKATOR.index("uraian")
    mean = 'IF(COUNT(EIP_k12a_dipakai)=0,"",AVERAGE(EIP_k12a_dipakai))'
    rp7 = 'IF(COUNT(ERP_rp7)=0,"",SUM(ERP_rp7))'
    rp12 = 'IF(COUNT(ERP_rp12)=0,"",SUM(ERP_rp12))'
    return (
        SummaryCell("rata_rata_capaian", "Rata-rata capaian kinerja (%)",
                    "Average achievement (%)", 4, col, mean, "percent"),
        SummaryCell("predikat", "Predikat kinerja", "Performance predicate", 5, col,
                    f.predikat(f"${col_letter(col)}$4"), "text"),
        SummaryCell("rata_rata_capaian_renstra", "Rata-rata capaian Renstra (%)",
                    "Average plan achievement (%)", 6, col,
                    'IF(COUNT(EIP_k14)=0,"",AVERAGE(EIP_k14))', "percent"),
        SummaryCell("penyerapan", "Penyerapan anggaran program (%)",
                    "Programmes' absorption (%)", 7, col, f.penyerapan(rp7, rp12), "percent"),
    )


__all__ = ["EVALUASI_INDIKATOR", "EVALUASI_KEGIATAN", "EVALUASI_PROGRAM", "footer"]
