"""The E.81 / E.80 arithmetic and the code structure, as pure functions (issue #24, docs/renja-evaluation.md).

Three kinds of test: the form's columns by hand for each aggregation; properties over the space of
settings (polarity x aggregation x nilai_tw x missing quarters x annual-only); the peers' errors
as regressions; and figures a real agency published, typed as its staff would.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_xl.core.domain import capaian, kemajuan_renstra, penyerapan, realisasi_sd
from lkjip_xl.core.domain import nomenklatur as nk
from lkjip_xl.core.domain import renja as r
from lkjip_xl.core.domain.renstra_eval import RENTANG_TANPA_RASIO, baris_e80
from lkjip_xl.core.model import default_predikat

N = None
TAHUN = 2023
RENSTRA = {2021: 10.0, 2022: 12.0, 2023: 14.0, 2024: 16.0, 2025: 18.0}
ATURAN = r.AturanRenja(TAHUN)


def close(a: float | None, b: float | None, rel: float = 1e-9) -> bool:
    """Equal within the workbook comparison's tolerance; None only equals None."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-6)


def kode(kolom: r.Kolom) -> set[str]:
    return {a.kode for a in kolom.alasan}


def kode_tw(kolom: r.Kolom) -> set[str]:
    """The reasons about the quarters (a row without Renstra history has others)."""
    return {k for k in kode(kolom) if k.startswith("tw-")}


# ------------------------------------------------------------------ quarters as typed
@pytest.mark.parametrize("values, nilai_tw, want", [
    ((10, 25, 45, 60), "kumulatif", (10, 15, 20, 15)),  # totals to date -> own amounts
    ((10, 15, 20, 15), "per_triwulan", (10, 15, 20, 15)),  # already own amounts
    ((10, N, 45, 60), "kumulatif", (10, N, 35, 15)),  # a quarter after a gap carries both
    ((N, N, N, 60), "kumulatif", (N, N, N, 60)),
    ((N, N, N, N), "kumulatif", (N, N, N, N)),
    ((10, 8, 8, 12), "kumulatif", (10, -2, 0, 4)),  # a total that fell: negative, reported
    ((0, 0, 5, 5), "kumulatif", (0, 0, 5, 0)),  # 0 is a value
])
def test_tw_sendiri(values, nilai_tw, want):
    assert r.tw_sendiri(values, nilai_tw) == want


def test_tw_sendiri_rejects_other_lengths_and_settings():
    with pytest.raises(ValueError):
        r.tw_sendiri((1, 2, 3), "kumulatif")
    with pytest.raises(ValueError):
        r.tw_sendiri((1, 2, 3, 4), "bulanan")


# ------------------------------------------------------------------ one row, by aggregation
def test_kumulatif_row_follows_the_printed_sums():
    ind = r.IndikatorRenja(agregasi="kumulatif", target_renstra=RENSTRA, target=14,
                           realisasi_tw=(3, 7, 10, 15), realisasi_lalu={2021: 9, 2022: 13})
    k = r.kolom_k(ind, ATURAN)
    assert k.k5 == 70  # the sum of the five yearly targets
    assert k.k6 == 22  # 9 + 13
    assert k.tw == (3, 4, 3, 5)  # each quarter's own amount: 8+9+10+11 = 12
    assert k.k12 == 15 and sum(k.tw) == k.k12
    assert close(k.k12a, 15 / 14 * 100)
    assert k.k13 == 37 == k.k6 + k.k12  # 13 = 6 + 12
    assert close(k.k14, 37 / 70 * 100)
    assert not kode(k)


def test_akhir_row_is_never_summed_over_quarters_or_years():
    ind = r.IndikatorRenja(agregasi="akhir", target_renstra={2021: 70, 2022: 75, 2023: 80, 2025: 90},
                           target=80, realisasi_tw=(70, 74, 78, 82), realisasi_lalu={2021: 71, 2022: 76})
    k = r.kolom_k(ind, ATURAN)
    assert k.k5 == 90  # the last year's target
    assert k.k6 == 76  # the level reached last year, not 71 + 76
    assert k.tw == (70, 74, 78, 82)  # each quarter's level as typed
    assert k.k12 == 82 and k.k13 == 82  # 13 = 12
    assert close(k.k12a, 82 / 80 * 100) and close(k.k14, 82 / 90 * 100)


def test_rata_rata_row_takes_the_mean():
    ind = r.IndikatorRenja(agregasi="rata_rata", target_renstra=RENSTRA, target=14,
                           realisasi_tw=(12, 14, 16, 18), realisasi_lalu={2021: 10, 2022: 11})
    k = r.kolom_k(ind, ATURAN)
    assert k.k5 == 18  # a mean's end target is the last year's
    assert k.k6 == 10.5 and k.k12 == 15 and k.k13 == 12  # (10 + 11 + 15) / 3
    assert k.tw == (12, 14, 16, 18)


def test_negative_indicator_uses_the_declared_formula():
    ind = r.IndikatorRenja(polaritas="negatif", target_renstra=RENSTRA, target=10, realisasi=8)
    lan = r.kolom_k(ind, ATURAN)
    inv = r.kolom_k(ind, r.AturanRenja(TAHUN, rumus_negatif="invers"))
    assert close(lan.k12a, 120.0) and close(inv.k12a, 125.0)


def test_rentang_row_uses_the_range():
    ind = r.IndikatorRenja(polaritas="rentang", target_min=5, target_maks=7, realisasi=6,
                           target_renstra={2023: 7})
    assert r.kolom_k(ind, ATURAN).k12a == 100.0
    assert r.TANPA_TARGET in kode(r.kolom_k(r.IndikatorRenja(polaritas="rentang", realisasi=6), ATURAN))


def test_annual_only_row_fills_12_from_the_annual_figure():
    for agregasi in ("kumulatif", "akhir", "rata_rata"):
        k = r.kolom_k(r.IndikatorRenja(agregasi=agregasi, target=10, realisasi=9,
                                       target_renstra=RENSTRA), ATURAN)
        assert k.tw == (N, N, N, N) and k.k12 == 9 and close(k.k12a, 90.0)
    m = r.kolom_rp(r.UangRenja(pagu=1_000_000, realisasi=950_000), ATURAN)
    assert m.tw == (N, N, N, N) and m.k12 == 950_000 and close(m.k12a, 95.0)


def test_first_renstra_year_has_no_column_6_and_13_is_12():
    ind = r.IndikatorRenja(agregasi="kumulatif", target_renstra=RENSTRA, target=10, realisasi=9)
    k = r.kolom_k(ind, r.AturanRenja(2021))
    assert k.k6 is None and k.k13 == 9 and r.TAHUN_PERTAMA in kode(k)
    m = r.kolom_rp(r.UangRenja(pagu=100, realisasi=90, pagu_renstra={2021: 100, 2022: 120}),
                   r.AturanRenja(2021))
    assert m.k6 is None and m.k13 == 90 and close(m.k14, 90 / 220 * 100)


def test_a_missing_past_year_empties_6_and_13_with_the_year_named():
    ind = r.IndikatorRenja(agregasi="kumulatif", target_renstra=RENSTRA, target=14, realisasi=15,
                           realisasi_lalu={2021: 9})
    k = r.kolom_k(ind, ATURAN)
    assert k.k6 is None and k.k13 is None and k.k14 is None
    (why,) = [a for a in k.alasan if a.kode == r.REALISASI_LALU_KOSONG]
    assert why.rincian["tahun"] == (2022,) and why.kolom == "6"
    assert k.k12a is not None  # the Renja achievement does not need the past
    level = r.kolom_k(r.IndikatorRenja(target_renstra=RENSTRA, target=14, realisasi=15,
                                       realisasi_lalu={2022: 13}), ATURAN)
    assert level.k6 == 13 and r.REALISASI_LALU_KOSONG not in kode(level)  # 2021 does not matter
    gap = r.kolom_k(r.IndikatorRenja(target_renstra=RENSTRA, target=14, realisasi=15), ATURAN)
    assert [a.rincian["tahun"] for a in gap.alasan if a.kode == r.REALISASI_LALU_KOSONG] == [(2022,)]


def test_nothing_reported_gives_nothing_not_zero():
    k = r.kolom_k(r.IndikatorRenja(), ATURAN)
    assert (k.k5, k.k6, k.k7, k.k12, k.k12a, k.k13, k.k14) == (N,) * 7
    assert {r.TANPA_REALISASI, r.TANPA_TARGET, r.TANPA_TARGET_RENSTRA} <= kode(k)
    m = r.kolom_rp(r.UangRenja(), ATURAN)
    assert (m.k5, m.k6, m.k7, m.k12, m.k12a, m.k13, m.k14) == (N,) * 7


def test_zero_divisors_are_empty_with_a_reason():
    k = r.kolom_k(r.IndikatorRenja(target=0, realisasi=5, target_renstra={2023: 0}), ATURAN)
    assert k.k12a is None and k.k14 is None and {r.TANPA_TARGET, r.TANPA_TARGET_RENSTRA} <= kode(k)
    m = r.kolom_rp(r.UangRenja(pagu=0, realisasi=0), ATURAN)
    assert m.k12 == 0 and m.k12a is None


def test_cap_and_footer_predicate():
    rows = [r.kolom_k(r.IndikatorRenja(target=10, realisasi=x, target_renstra={2023: 10}),
                      r.AturanRenja(TAHUN, batas_capaian=110)) for x in (15, 8, N)]
    assert close(rows[0].k12a, 150.0) and rows[0].capaian_dipakai == 110
    foot = r.ringkasan(rows, default_predikat())
    assert close(foot.rata_rata_capaian, 95.0) and foot.baris == 2  # (110 + 80) / 2
    assert foot.predikat == "Sangat Tinggi"


def test_year_outside_the_renstra_is_left_out_of_13():
    ind = r.IndikatorRenja(agregasi="kumulatif", target_renstra={2021: 5, 2022: 5}, target=5,
                           realisasi=6, realisasi_lalu={2021: 5, 2022: 4})
    k = r.kolom_k(ind, ATURAN)
    assert k.k13 == 9 and r.TAHUN_DI_LUAR_RENSTRA in kode(k)  # domain's realisasi_sd rule


# ------------------------------------------------------------------ money and parents
def test_programme_without_money_sums_its_kegiatan_and_weights_absorption():
    a = r.kolom_rp(r.UangRenja(pagu=1_000, realisasi=1_000), ATURAN)  # 100 %
    b = r.kolom_rp(r.UangRenja(pagu=9_000, realisasi=4_500), ATURAN)  # 50 %
    p = r.rp_induk(r.UangRenja(), [a, b], ATURAN)
    assert p.k7 == 10_000 and p.k12 == 5_500
    assert close(p.k12a, 55.0)  # weighted by budget; the mean of percentages would say 75
    own = r.rp_induk(r.UangRenja(pagu=12_000, realisasi=6_000), [a, b], ATURAN)
    assert close(own.k12a, 50.0)  # a programme with its own figures keeps them


def test_parent_sum_of_partly_empty_column_says_so():
    a = r.kolom_rp(r.UangRenja(pagu=100, realisasi=50, realisasi_lalu={2022: 80},
                               pagu_renstra={2022: 100, 2023: 100}), ATURAN)
    b = r.kolom_rp(r.UangRenja(pagu=100, realisasi=50, pagu_renstra={2022: 100, 2023: 100}), ATURAN)
    p = r.jumlah_rp([a, b])
    assert p.k6 == 80 and any(x.kode == r.JUMLAH_SEBAGIAN and x.kolom == "6" for x in p.alasan)


def test_quarters_of_money_typed_as_running_totals_are_shown_as_own_amounts():
    cum = r.kolom_rp(r.UangRenja(pagu=1_000, realisasi_tw=(100, 350, 600, 980)), ATURAN)
    own = r.kolom_rp(r.UangRenja(pagu=1_000, realisasi_tw=(100, 250, 250, 380)),
                     r.AturanRenja(TAHUN, nilai_tw="per_triwulan"))
    assert cum.tw == own.tw == (100, 250, 250, 380)
    assert cum.k12 == own.k12 == 980 and close(cum.k12a, 98.0)
    assert kode(cum) == kode(own) == {r.TANPA_TARGET_RENSTRA}  # nothing about the quarters
    assert cum.k6 is None and cum.k13 is None  # no money history: 13 unknown, not 12


def test_annual_spending_that_is_not_the_quarters_year_is_reported():
    m = r.kolom_rp(r.UangRenja(pagu=1_000, realisasi=900, realisasi_tw=(100, 200, 300, 350)),
                   r.AturanRenja(TAHUN, nilai_tw="per_triwulan"))
    assert m.k12 == 900 and r.TW_BEDA_TAHUNAN in kode(m)


# ------------------------------------------------------------------ the peers' errors
def test_peer_error_column_14_divides_by_column_5_not_by_the_number_5():
    """One public e-SAKIP computes 14 as 13 / 5 (the number) instead of 13 / column 5: here 5 is
    250 and 13 is 37, so the row is 14.8 % of the way, where that slip prints 740 %."""
    ind = r.IndikatorRenja(agregasi="kumulatif", target_renstra={y: 50.0 for y in range(2021, 2026)},
                           target=50, realisasi=12, realisasi_lalu={2021: 12, 2022: 13})
    k = r.kolom_k(ind, ATURAN)
    assert k.k5 == 250 and k.k13 == 37
    assert close(k.k14, 14.8)
    assert not close(k.k14, k.k13 / 5 * 100)  # the peer's 740 %
    m = r.kolom_rp(r.UangRenja(pagu=200, realisasi=190, realisasi_lalu={2021: 180, 2022: 195},
                               pagu_renstra={y: 200.0 for y in range(2021, 2026)}), ATURAN)
    assert m.k5 == 1_000 and close(m.k14, 56.5) and not close(m.k14, m.k13 / 5 * 100)


def test_peer_error_a_percentage_is_not_added_over_years():
    """Another adds 6 and 12 for a percentage: 80 % last year and 85 % this year printed as
    165 % realised 'up to this year' (and 206 % of the Renstra)."""
    ind = r.IndikatorRenja(agregasi="akhir", target_renstra={2021: 70, 2022: 75, 2023: 80, 2025: 90},
                           target=80, realisasi=85, realisasi_lalu={2022: 80})
    k = r.kolom_k(ind, ATURAN)
    assert k.k6 == 80 and k.k12 == 85 and k.k13 == 85 and close(k.k14, 85 / 90 * 100)
    assert k.k13 != k.k6 + k.k12
    assert r.persen_kumulatif("%", "kumulatif") and r.persen_kumulatif("Persen", "kumulatif")
    assert not r.persen_kumulatif("%", "akhir") and not r.persen_kumulatif("dokumen", "kumulatif")


@pytest.mark.parametrize("to_date, persen_jumlah, persen_terakhir", [
    ((1, 2, 3, 98), 104, 98),
    ((5, 8, 12, 93), 118, 93),
    ((10, 15, 18, 87), 130, 87),
    ((50, 55, 58, 100), 263, 100),
])
def test_peer_error_running_totals_typed_under_per_triwulan(to_date, persen_jumlah, persen_terakhir):
    """The issue's e-monev rows: every quarter typed 's.d. triwulan' while the form adds them:
    104-263 % of the pagu for rows whose TW IV says 98, 93, 87 and 100 %. Detected, with both."""
    pagu = 100.0
    m = r.kolom_rp(r.UangRenja(pagu=pagu, realisasi_tw=to_date),
                   r.AturanRenja(TAHUN, nilai_tw="per_triwulan"))
    (why,) = [a for a in m.alasan if a.kode == r.TW_SD_DI_PER_TRIWULAN]
    assert close(why.rincian["persen_jumlah"], persen_jumlah)
    assert close(why.rincian["persen_terakhir"], persen_terakhir)
    # declared right, the same typing is the year the staff meant
    ok = r.kolom_rp(r.UangRenja(pagu=pagu, realisasi_tw=to_date), ATURAN)
    assert close(ok.k12a, persen_terakhir) and not kode_tw(ok)


def test_running_totals_under_per_triwulan_for_an_indicator_against_its_annual_figure():
    ind = r.IndikatorRenja(agregasi="kumulatif", target=40, realisasi=40, realisasi_tw=(10, 20, 30, 40),
                           target_renstra={2023: 40})
    k = r.kolom_k(ind, r.AturanRenja(TAHUN, nilai_tw="per_triwulan"))
    assert r.TW_SD_DI_PER_TRIWULAN in kode(k)
    assert r.TW_SD_DI_PER_TRIWULAN not in kode(r.kolom_k(ind, ATURAN))


def test_real_quarterly_amounts_are_not_mistaken_for_running_totals():
    m = r.kolom_rp(r.UangRenja(pagu=100, realisasi_tw=(20, 25, 25, 28)),
                   r.AturanRenja(TAHUN, nilai_tw="per_triwulan"))
    assert m.k12 == 98 and not kode_tw(m)
    over = r.kolom_rp(r.UangRenja(pagu=100, realisasi_tw=(30, 30, 30, 30)),  # overspent, TW IV < pagu
                      r.AturanRenja(TAHUN, nilai_tw="per_triwulan"))
    assert r.TW_SD_DI_PER_TRIWULAN in kode(over)  # ambiguous: ask, do not guess (a warning)


def test_running_total_that_fell_is_reported():
    m = r.kolom_rp(r.UangRenja(pagu=100, realisasi_tw=(40, 30, 60, 90)), ATURAN)
    assert [a.kolom for a in m.alasan if a.kode == r.TW_MENURUN] == ["9"]


def test_renja_target_against_the_renstra_year():
    ind = r.IndikatorRenja(target=15, target_renstra={2023: 14})
    why = r.target_renja_beda(ind, TAHUN)
    assert why is not None and why.rincian == {"target": 15, "renstra": 14}
    assert r.target_renja_beda(r.IndikatorRenja(target=14, target_renstra={2023: 14.0}), TAHUN) is None


# ------------------------------------------------------------------ properties
_num = st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False).map(lambda x: round(x, 2)))
_pos = st.floats(0.01, 1e6, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def indikator(draw):
    agregasi = draw(st.sampled_from([None, "kumulatif", "akhir", "rata_rata"]))
    polaritas = draw(st.sampled_from(["positif", "negatif", "rentang"]))
    years = range(2021, 2026)
    target_renstra = {y: draw(_num) for y in years}
    lalu = {y: draw(_num) for y in years if y < TAHUN}
    annual_only = draw(st.booleans())
    tw = (N, N, N, N) if annual_only else tuple(draw(_num) for _ in range(4))
    lo = draw(_num)
    return r.IndikatorRenja(
        polaritas=polaritas, agregasi=agregasi, target_renstra=target_renstra, target=draw(_num),
        target_min=lo, target_maks=None if lo is None else lo + draw(_pos),
        realisasi_tw=tw, realisasi=draw(_num) if annual_only else None, realisasi_lalu=lalu)


_aturan = st.builds(r.AturanRenja, st.just(TAHUN), st.sampled_from(["kumulatif", "per_triwulan"]),
                    st.sampled_from(["lan", "invers"]), st.one_of(st.none(), st.just(120.0)))


def _to_date(values):
    """The same quarters typed as running totals (what staff type under nilai_tw kumulatif)."""
    out, total = [], None
    for v in values:
        if v is None:
            out.append(None)
        else:
            total = v if total is None else total + v
            out.append(total)
    return tuple(out)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(ind=indikator(), aturan=_aturan)
def test_property_k_columns_follow_aggregation(ind, aturan):
    check_k(ind, aturan)


_GAPS = ((1, 2, 3, 4), (1, N, 3, 4), (N, N, N, 4), (1, 2, 3, N), (N, N, N, N), (0, 0, 0, 0))


@pytest.mark.parametrize("polaritas", ["positif", "negatif", "rentang"])
@pytest.mark.parametrize("agregasi", [None, "kumulatif", "akhir", "rata_rata"])
@pytest.mark.parametrize("nilai_tw", ["kumulatif", "per_triwulan"])
def test_grid_every_setting_with_gaps_and_annual_only(polaritas, agregasi, nilai_tw):
    """The whole grid, deterministically: every polarity x aggregation x nilai_tw, with missing
    quarters, nothing reported, zeros, and annual-only rows, with and without a past year."""
    aturan = r.AturanRenja(TAHUN, nilai_tw)
    for gaps in _GAPS:
        for annual in (None, 7.0):
            for lalu in ({2021: 5.0, 2022: 6.0}, {2021: 5.0}, {}):
                tw = (N, N, N, N) if annual is not None else tuple(
                    None if g is None else g * 2.5 for g in gaps)
                ind = r.IndikatorRenja(polaritas=polaritas, agregasi=agregasi,
                                       target_renstra=RENSTRA, target=9.0, target_min=4.0,
                                       target_maks=8.0, realisasi_tw=tw, realisasi=annual,
                                       realisasi_lalu=lalu)
                check_k(ind, aturan)


def check_k(ind: r.IndikatorRenja, aturan: r.AturanRenja) -> None:
    """The invariants of one row's K columns (docs/renja-evaluation.md)."""
    k = r.kolom_k(ind, aturan)
    agregasi = ind.agregasi or "akhir"
    assert close(k.k12a, capaian(ind.polaritas, ind.target, k.k12, rumus_negatif=aturan.rumus_negatif,
                                 target_min=ind.target_min, target_maks=ind.target_maks))
    if k.k12a is None and k.k12 is not None and ind.polaritas != "rentang":
        assert ind.target in (None, 0) or (ind.polaritas == "negatif" and k.k12 == 0)
    assert close(k.k14, kemajuan_renstra(k.k13, k.k5))  # 13 / 5, never the number 5
    if k.k12 is None:
        assert k.k13 is None and r.TANPA_REALISASI in kode(k)
    if ind.realisasi is not None:
        assert k.k12 == ind.realisasi  # the annual figure wins
    if agregasi == "kumulatif" and ind.realisasi is None and k.k12 is not None:
        assert close(sum(x for x in k.tw if x is not None), k.k12)  # printed sum holds
    if agregasi == "akhir":
        assert k.k13 == k.k12  # a level is never summed over years
        assert k.tw == ind.realisasi_tw
        return
    if k.k12 is None or k.k6 is None:
        return
    if ind.target_renstra.get(TAHUN) is None:  # the domain's rule: such a year does not count
        assert k.k13 == realisasi_sd(TAHUN, k.k12, ind.realisasi_lalu, ind.target_renstra, agregasi)
        assert r.TAHUN_DI_LUAR_RENSTRA in kode(k)
    elif agregasi == "kumulatif":
        assert k.k13 == k.k6 + k.k12  # exactly: same additions in the same order
    else:
        n = sum(1 for y in range(2021, TAHUN) if ind.target_renstra.get(y) is not None)
        assert close(k.k13, (k.k6 * n + k.k12) / (n + 1))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(own=st.tuples(_num, _num, _num, _num), pagu=_num, rumus=_aturan)
def test_property_money_the_same_whichever_way_quarters_are_typed(own, pagu, rumus):
    per = r.kolom_rp(r.UangRenja(pagu=pagu, realisasi_tw=own),
                     r.AturanRenja(TAHUN, "per_triwulan", rumus.rumus_negatif))
    cum = r.kolom_rp(r.UangRenja(pagu=pagu, realisasi_tw=_to_date(own)), r.AturanRenja(TAHUN))
    assert all(close(a, b) for a, b in zip(per.tw, cum.tw))
    assert close(per.k12, cum.k12) and close(per.k12a, cum.k12a)
    assert close(per.k12a, penyerapan(pagu, per.k12))
    if per.k12 is None:
        assert all(v is None for v in own)
    assert not any(a.kode == r.TW_MENURUN for a in cum.alasan)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(rows=st.lists(st.tuples(_pos, _num), min_size=1, max_size=6))
def test_property_parent_absorption_is_weighted_by_budget(rows):
    kids = [r.kolom_rp(r.UangRenja(pagu=p, realisasi=x), ATURAN) for p, x in rows]
    parent = r.rp_induk(None, kids, ATURAN)
    real = [x for _, x in rows if x is not None]
    if not real:
        assert parent.k12 is None and parent.k12a is None
        return
    assert close(parent.k12a, sum(real) / sum(p for p, _ in rows) * 100)


# ------------------------------------------------------------------ published figures
def test_published_sumut_setda_2021_programme_absorption_is_weighted():
    """Laporan Kinerja Sekretariat Daerah Provinsi Sumatera Utara 2021, Tabel 19 "Realisasi
    Keuangan Sasaran Strategis-3" (p. 41),
    https://fliphtml5.com/xgkox/cyxe/LAPORAN_KINERJA_SEKRETARIAT_DAERAH_PROVINSI_SUMATERA_UTARA_TAHUN_2021/49

    Program Pemerintahan dan Otonomi Daerah: kegiatan Pelaksanaan Tugas Pemerintahan (one
    sub-kegiatan) and Fasilitasi Kerjasama Daerah (three), each sub-kegiatan's pagu and annual
    spending typed as printed. The rows' absorption agrees with the print (93.6, 87.4, 92.9); the
    fourth row prints 80.5 where its own figures, as the page's text reads them, give 77.1 (a slip
    of the print, or a figure the text lost: the test asserts what the figures give). The
    programme prints 88.6: the mean of the four printed percentages. Weighted by budget, as the
    form's sums require, it is 88.9.
    """
    subs = {"1": (749_930_215, 702_188_300), "2.1": (216_194_000, 188_957_200),
            "2.2": (378_896_500, 351_953_546), "2.3": (398_379_650, 307_055_630)}
    for nilai_tw in ("kumulatif", "per_triwulan"):  # an annual-only row reads the same either way
        aturan = r.AturanRenja(2021, nilai_tw=nilai_tw)
        rows = {k: r.kolom_rp(r.UangRenja(pagu=p, realisasi=x), aturan) for k, (p, x) in subs.items()}
        printed = {"1": 93.6, "2.1": 87.4, "2.2": 92.9}
        for k, pct in printed.items():
            assert round(rows[k].k12a, 1) == pct
        assert round(rows["2.3"].k12a, 1) == 77.1  # printed 80.5: the publication's slip
        keg1 = r.rp_induk(None, [rows["1"]], aturan)
        keg2 = r.rp_induk(None, [rows["2.1"], rows["2.2"], rows["2.3"]], aturan)
        prog = r.rp_induk(None, [keg1, keg2], aturan)
        assert prog.k7 == 1_743_400_365 and prog.k12 == 1_550_154_676
        assert round(prog.k12a, 1) == 88.9
        assert round((93.6 + 87.4 + 92.9 + 80.5) / 4, 1) == 88.6  # how the print got its 88.6


def test_published_polman_2022_kegiatan_and_sub_kegiatan():
    """Pengukuran Kinerja Tahun 2022, Sub Bidang Penyusunan Anggaran (Kabupaten Polewali Mandar's
    e-SAKIP), https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022

    The page's period columns are months; the four months with figures are typed in order into
    the four quarter cells, each period's own amount (nilai_tw per_triwulan) as printed, and once
    more as running totals (nilai_tw kumulatif): sums and last values do not depend on the month.
    Reproduced: kegiatan absorption 99.66 (from its sub-kegiatan: 99.62, 99.80), the kegiatan's
    period amounts (each the sum of its sub-kegiatan's), an output indicator 'persen' measured at
    its last value (93 of 95.56: 97.32, where adding the two periods would print 194.64) and two
    document counts added over the periods (3 of 2: 150.00; 5 of 3: 166.67).
    """
    sub1 = (177_776_900, 139_800_500, 156_653_392, 331_138_792)
    sub2 = (N, 77_484_600, 2_573_700, 115_545_074)
    for nilai_tw, conv in (("per_triwulan", lambda v: v), ("kumulatif", _to_date)):
        aturan = r.AturanRenja(2022, nilai_tw=nilai_tw)
        s1 = r.kolom_rp(r.UangRenja(pagu=808_430_200, realisasi_tw=conv(sub1)), aturan)
        s2 = r.kolom_rp(r.UangRenja(pagu=195_992_600, realisasi_tw=conv(sub2)), aturan)
        assert s1.k12 == 805_369_584 and round(s1.k12a, 2) == 99.62
        assert s2.k12 == 195_603_374 and round(s2.k12a, 2) == 99.80
        keg = r.rp_induk(None, [s1, s2], aturan)
        assert keg.k7 == 1_004_422_800 and keg.k12 == 1_000_972_958 and round(keg.k12a, 2) == 99.66
        assert keg.tw == (177_776_900, 217_285_100, 159_227_092, 446_683_866)
        assert not kode_tw(s1) and not kode_tw(s2)

        # a level is typed as its level under either nilai_tw
        persen = r.IndikatorRenja(agregasi="akhir", target=95.56, realisasi_tw=(93, 93, N, N))
        k = r.kolom_k(persen, aturan)
        assert k.k12 == 93 and round(k.k12a, 2) == 97.32
        summed = r.kolom_k(r.IndikatorRenja(agregasi="kumulatif", target=95.56,
                                            realisasi_tw=(93, 93, N, N)),
                           r.AturanRenja(2022, nilai_tw="per_triwulan"))
        assert round(summed.k12a, 2) == 194.64  # the slip a level declared kumulatif makes
        for target, periods, total, pct in ((2, (1, 0, 2, N), 3, 150.00), (3, (1, 1, 1, 2), 5, 166.67)):
            dok = r.kolom_k(r.IndikatorRenja(agregasi="kumulatif", target=target,
                                             realisasi_tw=conv(periods)), aturan)
            assert dok.k12 == total and round(dok.k12a, 2) == pct


# ------------------------------------------------------------------ E.80
def test_e80_years_targets_realisations_and_ratios():
    ind = r.IndikatorRenja(agregasi="kumulatif", target_renstra=RENSTRA, target=14,
                           realisasi_tw=(3, 7, 10, 15), realisasi_lalu={2020: 8, 2021: 9, 2022: 13})
    uang = r.UangRenja(pagu=150, realisasi=120, pagu_renstra={y: 100.0 + 25 * (y - 2021) for y in RENSTRA},
                       realisasi_lalu={2021: 90, 2022: 110})
    row = baris_e80(2021, 2025, ATURAN, ind, uang)
    assert row.kondisi_awal == 8 and row.target_akhir_k == 70 and row.target_akhir_rp == 750
    got = [(t.tahun, t.target_k, t.realisasi_k, t.target_rp, t.realisasi_rp) for t in row.tahun]
    assert got == [(2021, 10, 9, 100, 90), (2022, 12, 13, 125, 110), (2023, 14, 15, 150, 120),
                   (2024, 16, N, 175, N), (2025, 18, N, 200, N)]
    assert close(row.tahun[0].rasio_k, 90.0) and close(row.tahun[1].rasio_rp, 88.0)
    assert row.tahun[3].rasio_k is None and row.realisasi_rp_sd == 320 and not row.alasan


def test_e80_missing_year_and_range_are_reasons_not_zeros():
    ind = r.IndikatorRenja(polaritas="rentang", target_renstra=RENSTRA, realisasi=5,
                           realisasi_lalu={2022: 4})
    row = baris_e80(2021, 2025, ATURAN, ind)
    assert row.tahun[0].realisasi_k is None and all(t.rasio_k is None for t in row.tahun)
    assert {a.kode for a in row.alasan} == {RENTANG_TANPA_RASIO, r.REALISASI_LALU_KOSONG}
    with pytest.raises(ValueError):
        baris_e80(2025, 2021, ATURAN, ind)


# ------------------------------------------------------------------ code structure
K21, K19, BEBAS = nk.KEPMENDAGRI_050_5889_2021, nk.PERMENDAGRI_90_2019, nk.BEBAS


@pytest.mark.parametrize("kode_, nomenklatur, tingkat, ok, saran", [
    ("P4.01", BEBAS, "kegiatan", True, N),
    ("apa saja", BEBAS, "sub_kegiatan", True, N),
    ("1.01.01", K21, "program", True, N),
    ("X.XX.01", K21, "program", True, N),  # the support programme of every agency
    ("1.01.01.2.01", K21, "kegiatan", True, N),
    ("1.01.01.1.01", K19, "kegiatan", True, N),  # a province's kegiatan
    ("1.01.01.2.01.0001", K21, "sub_kegiatan", True, N),
    ("1.01.01.2.01.01", K19, "sub_kegiatan", True, N),
    ("1.01.01.02.01.0001", K21, "sub_kegiatan", False, "1.01.01.2.01.0001"),  # the mis-padding
    ("1.01.01.2.01.01", K21, "sub_kegiatan", False, "1.01.01.2.01.0001"),  # 90/2019's two digits
    ("1.1.1.2.1.1", K21, "sub_kegiatan", False, "1.01.01.2.01.0001"),
    ("1.01.01.2.01.0001", K19, "sub_kegiatan", False, "1.01.01.2.01.01"),
    (" 1.01.01 .2.01", K21, "kegiatan", False, "1.01.01.2.01"),
    ("1.01.01.3.01", K21, "kegiatan", False, N),  # kegiatan starts with 1 or 2
    ("1.01.01.2.01.12345", K21, "sub_kegiatan", False, N),  # too wide to be padding
    ("1.01.01.2", K21, "kegiatan", False, N),  # a segment short
    ("P4.01", K21, "kegiatan", False, N),
])
def test_code_structure(kode_, nomenklatur, tingkat, ok, saran):
    assert nk.sesuai(kode_, nomenklatur, tingkat) is ok
    m = nk.cek_kode(kode_, nomenklatur, tingkat)
    assert (m is None) is ok
    if m is not None:
        assert m.saran == saran and m.contoh is not None
        assert nk.sesuai(m.contoh, nomenklatur, tingkat)


def test_code_starts_with_its_parent_segment_by_segment():
    assert nk.berawal_induk("1.01.02.2.01", "1.01.02")
    assert not nk.berawal_induk("1.01.020.2.01", "1.01.02")  # not a segment boundary
    assert not nk.berawal_induk("1.01.03.2.01", "1.01.02")
    assert nk.berawal_induk("P4.01", "P4") and not nk.berawal_induk("P40.01", "P4")
    assert nk.berawal_induk("1.01.02.2.01.0003", "1.01.02.2.01")


def test_code_against_a_supplied_list():
    daftar = {"1.01.01.2.01.0001", "1.01.01.2.01.0002"}
    assert nk.cek_daftar("1.01.01.2.01.0001", daftar, K21, "sub_kegiatan") == (True, None)
    assert nk.cek_daftar("1.01.01.02.01.0001", daftar, K21, "sub_kegiatan") == (
        False, "1.01.01.2.01.0001")
    assert nk.cek_daftar("1.01.01.2.01.0009", daftar, K21, "sub_kegiatan") == (False, None)


def test_code_structure_rejects_unknown_settings():
    with pytest.raises(ValueError):
        nk.sesuai("1.01.01", "permendagri_13_2006", "program")
    with pytest.raises(ValueError):
        nk.sesuai("1.01.01", K21, "urusan")


# ------------------------------------------------------------------ agreement with the measurement
def test_denpasar_programme_absorption_agrees_with_the_measurement():
    """The E.81's Rp columns and the Bab III absorption are two views of one rule: for every
    programme of the bundled sample (annual spending stated), 7, 12 and 12a equal `ukur`'s."""
    from pathlib import Path

    from lkjip_xl.core.measurement import ukur
    from lkjip_xl.dataformat import load

    dok = load(Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.yaml")
    aturan = r.AturanRenja(dok.tahun, dok.pengaturan.nilai_tw)
    m = ukur(dok)

    def uang(x) -> r.UangRenja:
        return r.UangRenja(pagu=x.anggaran, realisasi=x.realisasi, realisasi_tw=tuple(x.realisasi_tw))

    programmes = []
    for p in dok.program:
        keg = [r.rp_induk(uang(k), [r.kolom_rp(uang(s), aturan) for s in k.sub_kegiatan], aturan)
               for k in p.kegiatan]
        row = r.rp_induk(None, keg, aturan)
        programmes.append(row)
        want = m.program[p.kode]
        assert (row.k7, row.k12) == (want.anggaran, want.realisasi_anggaran)
        assert close(row.k12a, want.penyerapan)
    foot = r.ringkasan([], dok.pengaturan.predikat, programmes)
    assert close(foot.penyerapan, m.total.penyerapan)


# ------------------------------------------------------------------ rekap: the RKPD evaluation
def test_rkpd_stacks_agencies_rows_by_acuan_rpjmd():
    from lkjip_xl.core.domain.rkpd import BarisRkpd, kelompok_rkpd, kunci_acuan

    def prog(pagu, real):
        return r.kolom_rp(r.UangRenja(pagu=pagu, realisasi=real), ATURAN)

    rows = [
        BarisRkpd("Meningkatnya kualitas  pendidikan", "Disdik", "program", "1.01.02", rp=prog(900, 450)),
        BarisRkpd("Meningkatnya kualitas pendidikan", "Disdik", "kegiatan", "1.01.02.2.01",
                  rp=prog(900, 450)),  # inside its programme: shown, not summed again
        BarisRkpd(None, "Dinkes", "program", "X.XX.01", rp=prog(50, 50)),
        BarisRkpd("Menurunnya angka kesakitan", "Dinkes", "program", "1.02.02", rp=prog(100, 90)),
        BarisRkpd("meningkatnya Kualitas Pendidikan", "Perpustakaan", "program", "2.23.02",
                  rp=prog(100, 100)),
    ]
    groups = kelompok_rkpd(rows)
    assert [g.acuan for g in groups] == ["Meningkatnya kualitas  pendidikan",
                                         "Menurunnya angka kesakitan", None]
    assert [b.instansi for b in groups[0].baris] == ["Disdik", "Disdik", "Perpustakaan"]
    assert groups[0].rp.k7 == 1_000 and close(groups[0].rp.k12a, 55.0)  # weighted, programmes only
    assert kunci_acuan(" A\u00a0b ") == kunci_acuan("a b") and kunci_acuan(None) == ""


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(ind=indikator(), aturan=_aturan,
       pagu=st.dictionaries(st.integers(2021, 2025), _num, max_size=5),
       lalu=st.dictionaries(st.integers(2021, 2022), _num, max_size=2),
       tw=st.tuples(_num, _num, _num, _num))
def test_property_e80_agrees_with_e81(ind, aturan, pagu, lalu, tw):
    """E.80's current year is E.81's 12; its Rp realisations up to this year add up to E.81's 13
    whenever every year is there; its end targets are E.81's 5."""
    uang = r.UangRenja(pagu=pagu.get(TAHUN), realisasi_tw=tw, pagu_renstra=pagu, realisasi_lalu=lalu)
    row = baris_e80(2021, 2025, aturan, ind, uang)
    k, rp = r.kolom_k(ind, aturan), r.kolom_rp(uang, aturan)
    now = next(t for t in row.tahun if t.tahun == TAHUN)
    assert now.realisasi_k == k.k12 and now.realisasi_rp == rp.k12
    assert row.target_akhir_k == k.k5 and row.target_akhir_rp == rp.k5
    before = [t.realisasi_rp for t in row.tahun if t.tahun < TAHUN and t.target_rp is not None]
    if rp.k13 is not None and any(v is not None for v in pagu.values()):
        # the money's 13 is the funded years before this one plus this year's, funded or not
        assert None not in before and close(sum(before) + rp.k12, rp.k13)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(kids=st.lists(st.tuples(_pos, st.tuples(_num, _num, _num, _num), _pos, _pos), min_size=1,
                     max_size=5),
       nilai_tw=st.sampled_from(["kumulatif", "per_triwulan"]))
def test_property_parent_columns_keep_the_printed_sums(kids, nilai_tw):
    """A parent's 8-11 add up to its 12 and its 13 is its 6 + 12, as each child's are."""
    aturan = r.AturanRenja(TAHUN, nilai_tw)
    rows = [r.kolom_rp(r.UangRenja(pagu=p, realisasi_tw=tw if nilai_tw == "per_triwulan" else _to_date(tw),
                                   pagu_renstra={2022: p, 2023: p}, realisasi_lalu={2022: lalu}),
                       aturan) for p, tw, lalu, _ in kids]
    parent = r.jumlah_rp(rows)
    if parent.k12 is None:
        assert all(x is None for x in parent.tw)
        return
    assert close(sum(x for x in parent.tw if x is not None), parent.k12)
    if all(x.k13 is not None for x in rows):
        assert close(parent.k13, parent.k6 + parent.k12)
