"""Builders of the computed columns' formula templates.

Each builder returns template text (see `schema.types.render`). They follow docs/rules.md
exactly, so that Excel or LibreOffice recalculating a workbook gets the domain core's numbers:
the same expression order (R/T*100, (2-R/T)*100), empty ("") wherever the domain says None.
Only functions that Excel 2010+ and LibreOffice both evaluate the same way are used (no LET,
no dynamic arrays, no SUMIFS with "" criteria, which LibreOffice reads differently).
"""

from __future__ import annotations


def guard(expr: str, key: str = "kode") -> str:
    """`expr` on a row whose `key` cell is filled, else empty: an unused row stays quiet."""
    return f'IF({{{key}}}="","",{expr})'


def num(expr: str) -> str:
    """`expr` when it is a number, else empty: a blank or text cell is "not reported"."""
    return f'IF(ISNUMBER({expr}),{expr},"")'


def lookup(range_name: str, match_cell: str) -> str:
    """The number in `range_name` at the matched row, or empty."""
    return num(f"INDEX({range_name},{match_cell})")


def capaian(t: str, r: str, pol: str, a: str, b: str) -> str:
    """Capaian (uncapped, floored at 0) for any polarity; rumus_negatif from the settings."""
    positif = f'IF(OR({t}="",{t}=0,{r}=""),"",MAX(0,{r}/{t}*100))'
    lan = f'IF(OR({t}="",{t}=0,{r}=""),"",MAX(0,(2-{r}/{t})*100))'
    invers = f'IF(OR({t}="",{t}=0,{r}="",{r}=0),"",MAX(0,{t}/{r}*100))'
    negatif = f'IF(RumusNegatif="invers",{invers},{lan})'
    below = f'IF({a}=0,"",MAX(0,{r}/{a}*100))'
    above = f'IF({b}=0,"",MAX(0,(2-{r}/{b})*100))'
    rentang = f'IF(OR({a}="",{b}="",{r}=""),"",IF({r}<{a},{below},IF({r}>{b},{above},100)))'
    return (
        f'IF({pol}="negatif",{negatif},IF({pol}="rentang",{rentang},'
        f'IF({pol}="positif",{positif},"")))'
    )


def quarters_to_date(q: int, prefix: str, match_cell: str, agregasi: str) -> str:
    """The value to date at quarter q (1..4) of an indicator's quarterly row, by agregasi/NilaiTW."""
    cells = [f"INDEX({prefix}{k},{match_cell})" for k in range(1, q + 1)]
    own = cells[-1]
    running_sum = f"SUM({','.join(cells)})"
    running_mean = f"AVERAGE({','.join(cells)})"
    by_kind = (
        f'IF({agregasi}="kumulatif",IF(NilaiTW="per_triwulan",{running_sum},{own}),'
        f'IF({agregasi}="rata_rata",{running_mean},{own}))'
    )
    return f'IF({match_cell}="","",IF(ISNUMBER({own}),{by_kind},""))'


def year_from_quarters(prefix: str, match_cell: str, agregasi: str) -> str:
    """The year's value from four quarters: sum (flows, per_triwulan), mean, or the last one."""
    cells = [f"INDEX({prefix}{k},{match_cell})" for k in range(1, 5)]
    last = '""'
    for c in cells:  # nested from TW I outwards so that TW IV is tested first
        last = f"IF(ISNUMBER({c}),{c},{last})"
    joined = ",".join(cells)
    total = f'IF(COUNT({joined})=0,"",SUM({joined}))'
    mean = f'IF(COUNT({joined})=0,"",AVERAGE({joined}))'
    return (
        f'IF({agregasi}="kumulatif",IF(NilaiTW="per_triwulan",{total},{last}),'
        f'IF({agregasi}="rata_rata",{mean},{last}))'
    )


def last_number(cells: list[str]) -> str:
    """The last of `cells` holding a number, or empty."""
    out = '""'
    for c in cells:
        out = f"IF(ISNUMBER({c}),{c},{out})"
    return out


def count_where(mask_terms: list[str]) -> str:
    return f"SUMPRODUCT({'*'.join(mask_terms)})"


def sum_or_blank(count: str, total: str) -> str:
    """A sum that stays empty when nothing was counted (the domain's `jumlah` of all-None)."""
    return f'IF({count}=0,"",{total})'


def penyerapan(anggaran: str, realisasi: str) -> str:
    return f'IF(OR({anggaran}="",{anggaran}=0,{realisasi}=""),"",{realisasi}/{anggaran}*100)'


def efisiensi(metode: str, capaian: str, penyerapan: str, realisasi: str | None = None,
              unit: str | None = None) -> str:
    """Tingkat efisiensi by the declared method (docs/rules.md); `metode` is a name or a cell.
    Without `realisasi` and `unit` (a region's rekap has no outcome units) biaya_per_unit is
    empty."""
    c, p = capaian, penyerapan
    per_unit = ('""' if realisasi is None or unit is None else
                f'IF(OR({realisasi}="",{unit}="",{unit}=0),"",{realisasi}/{unit})')
    return (f'IF({metode}="hemat",IF({p}="","",100-{p}),'
            f'IF({metode}="rasio",IF(OR({c}="",{p}="",{p}=0),"",{c}/{p}*100),'
            f'IF({metode}="biaya_per_unit",{per_unit},'
            f'IF(OR({c}="",{p}=""),"",{c}-{p}))))')


def predikat(value: str) -> str:
    # Bands are sorted highest first; the band is the (k+1)-th where k bands have a min the value
    # does not reach. "Reach" forgives 1e-9 relative noise as the domain does (9.1/10*100 is
    # 90.99999999999999 and reaches 91): for min > value >= 0 that is min*(1-1E-9) > value.
    # A blank min compares as 0 and capaian is never negative, so blank rows never count.
    k = f"SUMPRODUCT(--(PR_min*(1-1E-9)>{value}))+1"
    label = f"INDEX(PR_label,{k})"
    return f'IF({value}="","",IF({label}="","",{label}&""))'
