"""Table-driven tests of the pure domain rules (docs/rules.md)."""

from __future__ import annotations

import math

import pytest

from lkjip_xl.core import domain as d
from lkjip_xl.core.model import PredikatBand, default_predikat

N = None
MENURUN, TW4 = d.TW_MENURUN, d.TW4_BEDA_TARGET


def same(got, want) -> bool:
    """Equal, with None only equal to None and floats compared to 1e-12 relative."""
    if want is None or got is None or isinstance(want, (bool, str)):
        return got is want or got == want and type(got) is type(want)
    return math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-12)


def same_list(got, want) -> bool:
    return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want, strict=True))


# ---------------------------------------------------------------- capaian
@pytest.mark.parametrize(
    "polaritas, target, realisasi, kw, want",
    [
        ("positif", 66, 66, {}, 100.0),
        ("positif", 0.5, 0.5, {}, 100.0),
        ("positif", 50, 25, {}, 50.0),
        ("positif", 50, 75, {}, 150.0),  # uncapped
        ("positif", 50, 0, {}, 0.0),  # 0 is a value
        ("positif", None, 5, {}, None),  # no target
        ("positif", 0, 5, {}, None),  # T = 0: undefined, not 0 or an error
        ("positif", 50, None, {}, None),  # not reported
        ("positif", -10, 5, {}, 0.0),  # negative result floors at 0
        ("negatif", 10, 5, {}, 150.0),  # lan is the default
        ("negatif", 10, 10, {"rumus_negatif": "lan"}, 100.0),
        ("negatif", 10, 0, {"rumus_negatif": "lan"}, 200.0),
        ("negatif", 10, 25, {"rumus_negatif": "lan"}, 0.0),  # (2 - 2.5) * 100 floors at 0
        ("negatif", 0, 5, {"rumus_negatif": "lan"}, None),
        ("negatif", 10, 5, {"rumus_negatif": "invers"}, 200.0),
        ("negatif", 10, 20, {"rumus_negatif": "invers"}, 50.0),
        ("negatif", 10, 0, {"rumus_negatif": "invers"}, None),  # R = 0 undefined
        ("negatif", 0, 5, {"rumus_negatif": "invers"}, None),  # T = 0 undefined
        ("negatif", 10, None, {"rumus_negatif": "invers"}, None),
        ("rentang", None, 3, {"target_min": 2, "target_maks": 4}, 100.0),
        ("rentang", None, 2, {"target_min": 2, "target_maks": 4}, 100.0),  # bounds inclusive
        ("rentang", None, 4, {"target_min": 2, "target_maks": 4}, 100.0),
        ("rentang", None, 1, {"target_min": 2, "target_maks": 4}, 50.0),  # R / a * 100
        ("rentang", None, 5, {"target_min": 2, "target_maks": 4}, 75.0),  # (2 - R / b) * 100
        ("rentang", None, 9, {"target_min": 2, "target_maks": 4}, 0.0),  # floors at 0
        ("rentang", 0, 3, {"target_min": 2, "target_maks": 4}, 100.0),  # target ignored
        ("rentang", None, None, {"target_min": 2, "target_maks": 4}, None),
        ("rentang", None, 3, {"target_min": None, "target_maks": 4}, None),
        ("rentang", None, 3, {"target_min": 2, "target_maks": None}, None),
        ("rentang", None, -1, {"target_min": 0, "target_maks": 4}, None),  # divisor a = 0
        ("rentang", None, 0, {"target_min": 0, "target_maks": 4}, 100.0),
        ("rentang", None, 1, {"target_min": -5, "target_maks": 0}, None),  # divisor b = 0
        ("rentang", None, 3, {"target_min": 2, "target_maks": 2}, 50.0),  # a = b: (2 - 1.5)
    ],
)
def test_capaian(polaritas, target, realisasi, kw, want):
    assert same(d.capaian(polaritas, target, realisasi, **kw), want)


@pytest.mark.parametrize(
    "polaritas, kw", [("naik", {}), ("negatif", {"rumus_negatif": "lain"})]
)
def test_capaian_rejects_unknown_rules(polaritas, kw):
    with pytest.raises(ValueError):
        d.capaian(polaritas, 10, 5, **kw)


@pytest.mark.parametrize(
    "capaian, batas, want",
    [(120.0, 100, 100), (80.0, 100, 80.0), (120.0, None, 120.0), (None, 100, None),
     (130.0, 120, 120), (0.0, 100, 0.0)],
)
def test_capaian_dipakai(capaian, batas, want):
    assert same(d.capaian_dipakai(capaian, batas), want)


@pytest.mark.parametrize(
    "nilai, want",
    [(150.0, "Sangat Tinggi"), (91.0, "Sangat Tinggi"), (90.99, "Tinggi"), (90.5, "Tinggi"),
     (9.1 / 10 * 100, "Sangat Tinggi"),  # 90.99999999999999 is 91 (LibreOffice agrees)
     (91 - 1e-6, "Tinggi"),  # a real shortfall is not noise
     (76.0, "Tinggi"), (75.5, "Sedang"), (66.0, "Sedang"), (65.99, "Rendah"), (51.0, "Rendah"),
     (50.99, "Sangat Rendah"), (0.0, "Sangat Rendah"), (None, None)],
)
def test_predikat_default_bands(nilai, want):
    assert d.predikat(nilai, default_predikat()) == want


@pytest.mark.parametrize(
    "nilai, want", [(80.0, "Baik"), (50.0, "Cukup"), (49.9, None), (None, None)]
)
def test_predikat_without_catch_all(nilai, want):
    bands = [PredikatBand(80, "Baik"), PredikatBand(50, "Cukup")]
    assert d.predikat(nilai, bands) == want


# ---------------------------------------------------------------- quarters
@pytest.mark.parametrize(
    "values, agregasi, nilai_tw, want",
    [
        ([1, 3, N, 6], "kumulatif", "kumulatif", [1, 3, N, 6]),
        ([1, 2, N, 3], "kumulatif", "per_triwulan", [1, 3, N, 6]),
        ([N, 2, 0, N], "kumulatif", "per_triwulan", [N, 2, 2, N]),
        ([5, N, 7, 6], "akhir", "kumulatif", [5, N, 7, 6]),
        ([5, N, 7, 6], "akhir", "per_triwulan", [5, N, 7, 6]),
        ([5, N, 7, 6], None, "per_triwulan", [5, N, 7, 6]),  # None = akhir
        ([2, 4, N, 6], "rata_rata", "kumulatif", [2, 3, N, 4]),
        ([2, 4, N, 6], "rata_rata", "per_triwulan", [2, 3, N, 4]),
        ([N, N, N, N], "kumulatif", "per_triwulan", [N, N, N, N]),
        ([N, N, N, 66], "akhir", "kumulatif", [N, N, N, 66]),
    ],
)
def test_nilai_sd(values, agregasi, nilai_tw, want):
    assert same_list(d.nilai_sd(values, agregasi, nilai_tw), want)


@pytest.mark.parametrize(
    "values, agregasi, nilai_tw, want",
    [
        ([1, 2, N, 3], "kumulatif", "per_triwulan", 6),
        ([0, 0, 0, 0], "kumulatif", "per_triwulan", 0),  # zero is not empty
        ([N, N, N, N], "kumulatif", "per_triwulan", None),
        ([1, 3, 6, N], "kumulatif", "kumulatif", 6),  # last total to date
        ([5, N, 7, N], "akhir", "kumulatif", 7),
        ([5, N, 7, N], "akhir", "per_triwulan", 7),
        ([5, N, 7, N], None, "kumulatif", 7),
        ([2, 4, N, N], "rata_rata", "kumulatif", 3),
        ([N, N, N, N], "rata_rata", "kumulatif", None),
        ([N, N, N, N], "akhir", "kumulatif", None),
    ],
)
def test_nilai_tahunan(values, agregasi, nilai_tw, want):
    assert same(d.nilai_tahunan(values, agregasi, nilai_tw), want)


@pytest.mark.parametrize(
    "values, agregasi, nilai_tw",
    [([1, 2, 3], "akhir", "kumulatif"), ([1, 2, 3, 4], "jumlah", "kumulatif"),
     ([1, 2, 3, 4], "akhir", "bulanan")],
)
def test_quarters_reject_bad_input(values, agregasi, nilai_tw):
    for fn in (d.nilai_sd, d.nilai_tahunan):
        with pytest.raises(ValueError):
            fn(values, agregasi, nilai_tw)


@pytest.mark.parametrize(
    "target_tw, realisasi_tw, polaritas, agregasi, nilai_tw, extra, want",
    [
        ([10, 10, 10, 10], [5, 10, N, 20], "positif", "kumulatif", "per_triwulan", (),
         [50, 75, N, 87.5]),
        ([10, 20, 30, 40], [5, 15, N, 35], "positif", "kumulatif", "kumulatif", (),
         [50, 75, N, 87.5]),
        ([N, N, N, 66], [N, N, N, 66], "positif", "akhir", "kumulatif", (), [N, N, N, 100]),
        ([10, 10, 10, 10], [5, 10, 15, N], "negatif", "akhir", "kumulatif", ("lan",),
         [150, 100, 50, N]),
        ([10, 10, 10, 10], [5, 10, 20, 0], "negatif", "akhir", "kumulatif", ("invers",),
         [200, 100, 50, N]),
        ([N, N, N, N], [1, 3, 5, N], "rentang", "akhir", "kumulatif", ("lan", 2, 4),
         [50, 100, 75, N]),
        ([2, 4, N, N], [2, 2, 2, 2], "positif", "rata_rata", "kumulatif", (),
         [100, 200 / 3, N, N]),
    ],
)
def test_capaian_tw(target_tw, realisasi_tw, polaritas, agregasi, nilai_tw, extra, want):
    got = d.capaian_tw(target_tw, realisasi_tw, polaritas, agregasi, nilai_tw, *extra)
    assert same_list(got, want)


@pytest.mark.parametrize(
    "values, agregasi, nilai_tw, annual, want",
    [
        ([1, 2, 3, 4], "kumulatif", "kumulatif", 4, []),
        ([1, 3, 2, 4], "kumulatif", "kumulatif", 4, [(MENURUN, 2)]),
        ([5, 3, 3, 5], "kumulatif", "kumulatif", 5, [(MENURUN, 1), (MENURUN, 2)]),  # below peak
        ([1, N, 0.5, 1], "kumulatif", "kumulatif", 1, [(MENURUN, 2)]),  # blanks skipped
        ([1, 2, 2, 2], "kumulatif", "kumulatif", 2, []),  # flat is fine
        ([1, 2, 3, 5], "kumulatif", "kumulatif", 4, [(TW4, 3)]),
        ([1, 3, 2, 5], "kumulatif", "kumulatif", 4, [(MENURUN, 2), (TW4, 3)]),
        ([0.1, 0.2, 0.2, 0.1 + 0.2], "kumulatif", "kumulatif", 0.3, []),  # within 1e-9
        ([1, 2, 3, 4 * (1 + 2e-9)], "kumulatif", "kumulatif", 4, [(TW4, 3)]),
        ([1, 2, 3, N], "kumulatif", "kumulatif", 4, []),  # no TW IV: nothing to compare
        ([1, 2, 3, 5], "kumulatif", "kumulatif", None, []),  # no annual target
        ([1, 1, 1, 1], "kumulatif", "per_triwulan", 4, []),  # own amounts add up
        ([3, 1, 1, 1], "kumulatif", "per_triwulan", 5, [(TW4, 3)]),  # no fall check here
        ([1, N, 1, N], "kumulatif", "per_triwulan", 4, []),
        ([5, 3, 1, 1], "akhir", "kumulatif", 1, []),  # a level may fall
        ([5, 3, 1, 1], None, "kumulatif", 2, [(TW4, 3)]),
        ([2, 4, 6, 8], "rata_rata", "kumulatif", 5, []),  # TW IV to date = mean 5
        ([0.1 + 0.2, 0.3, 0.3, 0.3], "kumulatif", "kumulatif", 0.3, []),  # noise is no fall
        ([0, 0, 0, 0], "kumulatif", "kumulatif", 0, []),
        ([0, 0, 0, 0], "kumulatif", "kumulatif", 1e-12, [(TW4, 3)]),  # relative, no abs slack
    ],
)
def test_cek_tw(values, agregasi, nilai_tw, annual, want):
    assert d.cek_tw(values, agregasi, nilai_tw, annual) == want


# ---------------------------------------------------------------- budget
@pytest.mark.parametrize(
    "anggaran, realisasi, want",
    [(100, 50, 50), (100, 0, 0), (100, 120, 120), (0, 5, None), (0, 0, None), (None, 5, None),
     (100, None, None), (219876300, 213255600, 213255600 / 219876300 * 100)],
)
def test_penyerapan(anggaran, realisasi, want):
    assert same(d.penyerapan(anggaran, realisasi), want)


@pytest.mark.parametrize(
    "values, want_sum, want_mean, want_last",
    [([1, N, 2], 3.0, 1.5, 2), ([N, N], None, None, None), ([], None, None, None),
     ([0], 0.0, 0.0, 0), ([0.1, 0.2, 0.3], 0.1 + 0.2 + 0.3, (0.1 + 0.2 + 0.3) / 3, 0.3),
     ([5, N], 5.0, 5.0, 5)],
)
def test_jumlah_rerata_terakhir(values, want_sum, want_mean, want_last):
    assert same(d.jumlah(values), want_sum)
    assert same(d.rerata(values), want_mean)
    assert same(d.terakhir(values), want_last)


def test_jumlah_is_a_float_added_left_to_right():
    assert isinstance(d.jumlah([1, 2]), float)
    assert d.jumlah([1e16, 1.0, -1e16]) == (1e16 + 1.0) - 1e16  # plain doubles, no compensation


@pytest.mark.parametrize(
    "metode, capaian, penyerapan, kw, want",
    [
        ("selisih", 100.0, 93.37, {}, 100.0 - 93.37),
        ("selisih", 80.0, 90.0, {}, -10.0),  # negative efficiency is kept
        ("selisih", None, 90.0, {}, None),
        ("selisih", 100.0, None, {}, None),
        ("hemat", None, 93.37, {}, 100 - 93.37),  # needs no capaian
        ("hemat", 100.0, None, {}, None),
        ("rasio", 100.0, 80.0, {}, 125.0),
        ("rasio", 100.0, 0.0, {}, None),
        ("rasio", None, 80.0, {}, None),
        ("rasio", 100.0, None, {}, None),
        ("biaya_per_unit", None, None, {"realisasi_anggaran": 1500.0, "unit_outcome": 3}, 500.0),
        ("biaya_per_unit", 100.0, 90.0, {"realisasi_anggaran": 1500.0, "unit_outcome": 0}, None),
        ("biaya_per_unit", 100.0, 90.0, {"realisasi_anggaran": 1500.0}, None),
        ("biaya_per_unit", 100.0, 90.0, {"unit_outcome": 3}, None),
    ],
)
def test_efisiensi(metode, capaian, penyerapan, kw, want):
    assert same(d.efisiensi(metode, capaian, penyerapan, **kw), want)


def test_efisiensi_rejects_unknown_method():
    with pytest.raises(ValueError):
        d.efisiensi("murah", 100.0, 90.0)


# ---------------------------------------------------------------- Renstra
S1 = {2017: 60, 2018: 63, 2019: 66, 2020: 70, 2021: 75}
S2 = dict.fromkeys(range(2017, 2022), 0.5)


@pytest.mark.parametrize(
    "target_renstra, agregasi, want",
    [
        (S1, "akhir", 75), (S1, None, 75), (S1, "rata_rata", 75), (S1, "kumulatif", 334.0),
        (S2, "kumulatif", 2.5), (S2, "akhir", 0.5),
        ({2021: 5, 2017: 1}, "akhir", 5),  # latest year, not dict order
        ({2017: 1, 2021: None}, "akhir", 1),  # latest year that has a target
        ({2017: 1, 2021: None}, "kumulatif", 1.0),
        ({}, "akhir", None), ({2020: None}, "kumulatif", None),
    ],
)
def test_target_akhir_renstra(target_renstra, agregasi, want):
    assert same(d.target_akhir_renstra(target_renstra, agregasi), want)


@pytest.mark.parametrize(
    "tahun, realisasi, lalu, target_renstra, agregasi, want",
    [
        (2019, 66, {2018: 63}, S1, "akhir", 66),
        (2019, 66, {}, S1, None, 66),
        (2019, None, {2018: 63}, S1, "akhir", None),
        (2019, 0.5, {2017: 0.5, 2018: 0.5}, S2, "kumulatif", 1.5),
        (2019, 0.5, {2016: 9, 2017: 0.5, 2018: 0.5}, S2, "kumulatif", 1.5),  # 2016 has no target
        (2019, 0.5, {2017: 0.5}, S2, "kumulatif", None),  # 2018 missing
        (2019, 0.5, {2017: 0.5, 2018: None}, S2, "kumulatif", None),
        (2019, None, {2017: 0.5, 2018: 0.5}, S2, "kumulatif", None),
        (2019, 5, {}, {2020: 1, 2021: 1}, "kumulatif", None),  # no Renstra year yet
        (2019, 5, {2018: 3}, {2018: 1, 2019: None, 2020: 1}, "kumulatif", 3.0),  # 2019 untargeted
        (2019, 0.6, {2017: 0.3, 2018: 0.6}, S2, "rata_rata", 0.5),
        (2019, 0.6, {2017: 0.3}, S2, "rata_rata", None),
    ],
)
def test_realisasi_sd(tahun, realisasi, lalu, target_renstra, agregasi, want):
    assert same(d.realisasi_sd(tahun, realisasi, lalu, target_renstra, agregasi), want)


@pytest.mark.parametrize(
    "r, t, want",
    [(66, 75, 88.0), (1.5, 2.5, 60.0), (0, 75, 0.0), (5, 0, None), (None, 75, None),
     (66, None, None), (80, 75, 80 / 75 * 100)],
)
def test_kemajuan_renstra(r, t, want):
    assert same(d.kemajuan_renstra(r, t), want)


def test_renstra_rejects_unknown_agregasi():
    with pytest.raises(ValueError):
        d.target_akhir_renstra(S1, "total")
    with pytest.raises(ValueError):
        d.realisasi_sd(2019, 1, {}, S1, "total")


# ---------------------------------------------------------------- year on year
@pytest.mark.parametrize(
    "r, r_lalu, want",
    [(66, 63, (66 - 63) / 63 * 100), (0.5, 0.5, 0.0), (0, 5, -100.0), (1, 0, None),
     (None, 1, None), (1, None, None)],
)
def test_perubahan(r, r_lalu, want):
    assert same(d.perubahan(r, r_lalu), want)


@pytest.mark.parametrize(
    "r, r_lalu, polaritas, bounds, want",
    [
        (66, 63, "positif", (), True),
        (60, 63, "positif", (), False),
        (63, 63, "positif", (), False),  # no change is not an improvement
        (5, 6, "negatif", (), True),
        (7, 6, "negatif", (), False),
        (6, 6, "negatif", (), False),
        (3, 5, "rentang", (2, 4), True),  # back inside the range
        (3, 3.5, "rentang", (2, 4), False),  # inside both years
        (1, 5, "rentang", (2, 4), False),  # distance 1 both years
        (5, 0, "rentang", (2, 4), True),  # distance 2 -> 1
        (0, 5, "rentang", (2, 4), False),  # distance 1 -> 2
        (0.1 + 0.2, 0.3, "positif", (), False),  # floating-point noise is no change
        (0.3, 0.1 + 0.2, "negatif", (), False),
        (0.3, 0.3 * (1 + 2e-9), "negatif", (), True),  # beyond 1e-9 relative
        (4.000000000000001, 4 + 1e-14, "rentang", (2, 4), False),
        (3, 5, "rentang", (None, 4), None),
        (None, 5, "positif", (), None),
        (5, None, "negatif", (), None),
    ],
)
def test_membaik(r, r_lalu, polaritas, bounds, want):
    assert d.membaik(r, r_lalu, polaritas, *bounds) is want


def test_membaik_rejects_unknown_polarity():
    with pytest.raises(ValueError):
        d.membaik(1, 2, "naik")


@pytest.mark.parametrize("x, want", [(3, 0.0), (2, 0.0), (4, 0.0), (1, 1), (6.5, 2.5)])
def test_jarak_rentang(x, want):
    assert d.jarak_rentang(x, 2, 4) == want


@pytest.mark.parametrize(
    "a, b, want_dekat, want_lebih",
    [(0.1 + 0.2, 0.3, True, False), (9.1 / 10 * 100, 91, True, False), (0, 0, True, False),
     (1e-12, 0, False, True), (1 + 2e-9, 1, False, True), (1 - 2e-9, 1, False, False)],
)
def test_dekat_lebih(a, b, want_dekat, want_lebih):
    assert d.dekat(a, b) is want_dekat
    assert d.lebih(a, b) is want_lebih
