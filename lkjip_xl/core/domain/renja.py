"""The Renja evaluation (Formulir E.81, Permendagri 86/2017): the numbers of one row and the footer.

One row is a programme (outcome), kegiatan or sub-kegiatan (output) indicator with its money, each
in K (kinerja) and Rp columns: 5 the Renstra end target, 6 realised up to last year, 7 this year's
Renja target and pagu, 8-11 each quarter's own amount, 12 the year, 12a the Renja achievement
(12/7x100), 13 realised to date against the Renstra, 14 achievement against the Renstra (13/5x100).
docs/renja-evaluation.md gives the form and where its copies differ.

The printed sums (12 = 8+9+10+11, 13 = 6+12) hold for money and for flows. For K the indicator's
aggregation decides (RENJA-EVALUATION.md): a level (`akhir`) is never summed over quarters or
years, `rata_rata` takes the mean and only `kumulatif` adds. Every rule below is the one
`renstra.py`, `triwulan.py`, `capaian.py` and `anggaran.py` already state; this module only lays
them out as the form's columns. A value that cannot be computed is None, never 0, and an `Alasan`
says why, for the caller to turn into a finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lkjip_xl.core.domain.anggaran import penyerapan
from lkjip_xl.core.domain.angka import dekat, jumlah, lebih, rerata
from lkjip_xl.core.domain.capaian import capaian, capaian_dipakai, predikat
from lkjip_xl.core.domain.renstra import kemajuan_renstra, realisasi_sd, target_akhir_renstra
from lkjip_xl.core.domain.triwulan import nilai_tahunan
from lkjip_xl.core.model import PredikatBand

Tahunan = Mapping[int, float | None]
Kuartal = tuple[float | None, float | None, float | None, float | None]
KOSONG: Kuartal = (None, None, None, None)

# Why a column is empty or suspect: stable codes the caller maps to catalogue findings
# (docs/renja-evaluation.md lists the proposed finding for each).
TANPA_TARGET = "tanpa-target"  # 7 empty or 0: no 12a
TANPA_REALISASI = "tanpa-realisasi"  # no quarter and no annual figure: 12 empty
TANPA_TARGET_RENSTRA = "tanpa-target-renstra"  # 5 empty or 0: no 14
TAHUN_PERTAMA = "tahun-pertama-renstra"  # no Renstra year before this one: 6 empty, 13 = 12
TAHUN_DI_LUAR_RENSTRA = "tahun-di-luar-renstra"  # this year has no Renstra target: 13 leaves it out
REALISASI_LALU_KOSONG = "realisasi-lalu-kosong"  # an earlier Renstra year has no realisation
TW_SD_DI_PER_TRIWULAN = "tw-sd-di-per-triwulan"  # running totals typed under nilai_tw per_triwulan
TW_MENURUN = "tw-menurun"  # a running total below an earlier one: a negative own amount
TW_BEDA_TAHUNAN = "tw-beda-tahunan"  # the stated annual figure is not what the quarters give
JUMLAH_SEBAGIAN = "jumlah-sebagian"  # a parent's sum leaves out children with the column empty


@dataclass(frozen=True)
class Alasan:
    """Why column `kolom` ("5".."14", "12a", "8".."11") is empty or suspect; `rincian` holds the
    numbers a message needs (named as the catalogue's placeholders will be)."""

    kode: str
    kolom: str
    rincian: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class AturanRenja:
    """The settings a row is computed under: the year evaluated and the workbook's rules."""

    tahun: int
    nilai_tw: str = "kumulatif"  # how quarters are typed: totals to date | each quarter's own
    rumus_negatif: str = "lan"
    batas_capaian: float | None = None


@dataclass(frozen=True)
class IndikatorRenja:
    """The K inputs of one programme, kegiatan or sub-kegiatan indicator (the data-format keys)."""

    polaritas: str = "positif"
    agregasi: str | None = None  # None: akhir, as everywhere
    target_renstra: Tahunan = field(default_factory=dict)
    target: float | None = None  # this year's Renja target (column 7)
    target_min: float | None = None  # rentang
    target_maks: float | None = None
    realisasi_tw: Kuartal = KOSONG  # as typed, read by `AturanRenja.nilai_tw`
    realisasi: float | None = None  # the annual figure, when stated
    realisasi_lalu: Tahunan = field(default_factory=dict)


@dataclass(frozen=True)
class UangRenja:
    """The money of one programme, kegiatan or sub-kegiatan (rupiah)."""

    pagu: float | None = None  # `anggaran`, the final pagu: absorption and every check use it
    realisasi_tw: Kuartal = KOSONG
    realisasi: float | None = None
    pagu_renstra: Tahunan = field(default_factory=dict)  # the Renstra's funding by year
    realisasi_lalu: Tahunan = field(default_factory=dict)  # `realisasi_anggaran_lalu`
    anggaran_murni: float | None = None  # the original pagu (not used by the columns)

    def kosong(self) -> bool:
        """No figure at all: a programme like this sums its kegiatan."""
        return (self.pagu is None and self.realisasi is None and self.anggaran_murni is None
                and all(v is None for v in self.realisasi_tw)
                and not any(v is not None for v in self.pagu_renstra.values())
                and not any(v is not None for v in self.realisasi_lalu.values()))


@dataclass(frozen=True)
class Kolom:
    """The columns of one side (K or Rp) of a row. `capaian_dipakai` is 12a capped (K only)."""

    k5: float | None
    k6: float | None
    k7: float | None
    tw: Kuartal  # 8-11: each quarter's own amount for a flow, the quarter's value for a level
    k12: float | None
    k12a: float | None
    k13: float | None
    k14: float | None
    alasan: tuple[Alasan, ...] = ()
    capaian_dipakai: float | None = None


@dataclass(frozen=True)
class RingkasanE81:
    """The footer: the mean of the rows' capped K achievement (12a), its predicate, the mean of
    14 K, and the absorption of all money (weighted by pagu, never a mean of percentages)."""

    rata_rata_capaian: float | None
    predikat: str | None
    rata_rata_capaian_renstra: float | None
    penyerapan: float | None
    baris: int  # rows whose 12a entered the mean


def _empat(values: Sequence[float | None]) -> Kuartal:
    if len(values) != 4:
        raise ValueError(f"a quarter list has 4 entries, got {len(values)}")
    return (values[0], values[1], values[2], values[3])


def tw_sendiri(values: Sequence[float | None], nilai_tw: str) -> Kuartal:
    """Each quarter's own amount of a flow (money, a `kumulatif` indicator), so that the printed
    sum of columns 8-11 is the year. Typed per quarter: as typed. Typed as totals to date: the
    difference from the last reported total (a quarter after an empty one carries both; a total
    that fell gives a negative amount, which `tw_menurun` reports)."""
    v = _empat(values)
    if nilai_tw == "per_triwulan":
        return v
    if nilai_tw != "kumulatif":
        raise ValueError(f"unknown nilai_tw {nilai_tw!r}")
    out: list[float | None] = []
    before: float | None = None
    for x in v:
        if x is None:
            out.append(None)
            continue
        out.append(x if before is None else x - before)
        before = x
    return _empat(out)


def _tw_k(ind: IndikatorRenja, nilai_tw: str) -> Kuartal:
    """Columns 8-11 K: a `kumulatif` indicator is a flow; a level or a mean shows each quarter's
    value as typed (under either nilai_tw those are the quarters' own values)."""
    if (ind.agregasi or "akhir") == "kumulatif":
        return tw_sendiri(ind.realisasi_tw, nilai_tw)
    return _empat(ind.realisasi_tw)


def _cek_tw(values: Kuartal, nilai_tw: str, tahunan: float | None, batas: float | None,
            kolom: str) -> list[Alasan]:
    """Quarters of a flow that contradict how they are declared (RENJA-EVALUATION.md, "Quarters as
    staff type them").

    Under `per_triwulan`, a non-decreasing series whose sum passes the stated annual figure while
    its last quarter equals it, or passes the pagu (`batas`) while its last quarter stays within
    it, is a series of totals to date: the sum counts money twice (an e-monev's 104-263 % of the
    pagu for rows whose TW IV says 87-100 %). Under `kumulatif`, a total below an earlier one.
    Otherwise, a stated annual figure that is not the quarters' year."""
    reported: list[tuple[int, float]] = [(q, x) for q, x in enumerate(values) if x is not None]
    out: list[Alasan] = []
    if nilai_tw == "kumulatif":
        peak: float | None = None
        for q, x in reported:
            if peak is not None and lebih(peak, x):
                out.append(Alasan(TW_MENURUN, str(8 + q), {"triwulan": q + 1, "nilai": x,
                                                           "sebelumnya": peak}))
            peak = x if peak is None else max(peak, x)
    year = nilai_tahunan(values, "kumulatif", nilai_tw)
    if nilai_tw == "per_triwulan" and len(reported) >= 2:
        naik = all(not lebih(a[1], b[1]) for a, b in zip(reported, reported[1:]))
        last = reported[-1][1]
        # against the annual figure the last total to date IS the year; against the pagu it
        # only stays within it
        for pembanding, sama in ((tahunan, True), (batas, False)):
            if pembanding is None or pembanding <= 0 or year is None or not naik:
                continue
            if lebih(year, pembanding) and (dekat(last, pembanding) if sama
                                            else not lebih(last, pembanding)):
                out.append(Alasan(TW_SD_DI_PER_TRIWULAN, "12", {
                    "jumlah": year, "terakhir": last, "pembanding": pembanding,
                    "persen_jumlah": year / pembanding * 100,
                    "persen_terakhir": last / pembanding * 100}))
                return out
    if tahunan is not None and year is not None and not dekat(year, tahunan):
        out.append(Alasan(TW_BEDA_TAHUNAN, kolom, {"tahunan": tahunan, "dari_tw": year}))
    return out


def _tahun_sebelum(tahunan: Tahunan, tahun: int) -> list[int]:
    return sorted(y for y, t in tahunan.items() if t is not None and y < tahun)


def _lalu(years: list[int], lalu: Tahunan, kolom: str,
          periode: bool) -> tuple[list[float | None], list[Alasan]]:
    """The realisations of the Renstra years before this one. `periode`: whether the Renstra's
    years are known at all; with none before this one, this is its first year (6 is empty and 13
    is this year's); with none known, 6 is empty and the missing 5 says why."""
    values = [lalu.get(y) for y in years]
    kosong = [y for y, v in zip(years, values) if v is None]
    if not years:
        return values, [Alasan(TAHUN_PERTAMA, kolom)] if periode else []
    if kosong:
        return values, [Alasan(REALISASI_LALU_KOSONG, kolom, {"tahun": tuple(kosong)})]
    return values, []


def kolom_k(ind: IndikatorRenja, aturan: AturanRenja) -> Kolom:
    """The K columns of one indicator row.

    5: `target_akhir_renstra` (kumulatif: the sum of the yearly targets; a level: the last year's).
    6: the Renstra years before this one with a target, by aggregation (kumulatif: their sum;
    rata_rata: their mean; akhir: the last one's); empty in the Renstra's first year or when one of
    them has no realisation. 12: the stated annual figure, else `nilai_tahunan` of the quarters.
    12a: `capaian` with the indicator's polarity (and 7 for a positive or negative target).
    13: akhir: 12; kumulatif / rata_rata: `realisasi_sd` (= 6 + 12 for kumulatif, the mean of the
    years with this one for rata_rata). 14: `kemajuan_renstra(13, 5)`.
    """
    agregasi = ind.agregasi or "akhir"
    alasan: list[Alasan] = []
    k5 = target_akhir_renstra(ind.target_renstra, agregasi)
    years = _tahun_sebelum(ind.target_renstra, aturan.tahun)
    periode = any(t is not None for t in ind.target_renstra.values())
    values, why6 = _lalu(years, ind.realisasi_lalu, "6", periode)
    alasan += why6
    k6: float | None
    if agregasi == "akhir":  # a level: only the last year before this one counts
        k6 = values[-1] if values else None
        alasan = [a for a in alasan if a.kode != REALISASI_LALU_KOSONG]
        if values and k6 is None:
            alasan.append(Alasan(REALISASI_LALU_KOSONG, "6", {"tahun": (years[-1],)}))
    elif any(v is None for v in values) or not values:
        k6 = None
    else:
        k6 = jumlah(values) if agregasi == "kumulatif" else rerata(values)
    tw = _tw_k(ind, aturan.nilai_tw)
    from_tw = nilai_tahunan(ind.realisasi_tw, agregasi, aturan.nilai_tw)
    k12 = ind.realisasi if ind.realisasi is not None else from_tw
    if agregasi == "kumulatif":
        alasan += _cek_tw(_empat(ind.realisasi_tw), aturan.nilai_tw, ind.realisasi, None, "12")
    elif ind.realisasi is not None and from_tw is not None and not dekat(ind.realisasi, from_tw):
        alasan.append(Alasan(TW_BEDA_TAHUNAN, "12", {"tahunan": ind.realisasi, "dari_tw": from_tw}))
    if k12 is None:
        alasan.append(Alasan(TANPA_REALISASI, "12"))
    k12a = capaian(ind.polaritas, ind.target, k12, rumus_negatif=aturan.rumus_negatif,
                   target_min=ind.target_min, target_maks=ind.target_maks)
    if ind.polaritas == "rentang":
        if ind.target_min is None or ind.target_maks is None:
            alasan.append(Alasan(TANPA_TARGET, "7"))
    elif ind.target is None or ind.target == 0:
        alasan.append(Alasan(TANPA_TARGET, "7", {"target": ind.target}))
    if agregasi == "akhir" or k12 is None:
        k13 = k12  # the form evaluates this year: without 12 there is no 13
    else:
        k13 = realisasi_sd(aturan.tahun, k12, ind.realisasi_lalu, ind.target_renstra, agregasi)
        if ind.target_renstra.get(aturan.tahun) is None and ind.target_renstra:
            alasan.append(Alasan(TAHUN_DI_LUAR_RENSTRA, "13", {"tahun": aturan.tahun}))
    k14 = kemajuan_renstra(k13, k5)
    if k5 is None or k5 == 0:
        alasan.append(Alasan(TANPA_TARGET_RENSTRA, "5", {"target": k5}))
    return Kolom(k5, k6, ind.target, tw, k12, k12a, k13, k14, tuple(alasan),
                 capaian_dipakai(k12a, aturan.batas_capaian))


def kolom_rp(uang: UangRenja, aturan: AturanRenja) -> Kolom:
    """The Rp columns of one row: printed sums throughout.

    5: the sum of the Renstra's yearly funding. 6: the sum of the realised spending of the Renstra
    years before this one (the years `pagu_renstra` funds, else those `realisasi_lalu` holds);
    empty in the first year or when one is missing. 8-11: `tw_sendiri`. 12: the stated annual
    spending, else the quarters' year (the sum of 8-11). 12a: `penyerapan(7, 12)`. 13: 6 + 12
    (12 in the Renstra's first year; empty when the money has no Renstra history at all: no
    invented zero). 14: 13 / 5 x 100.
    """
    alasan: list[Alasan] = []
    rp5 = jumlah(uang.pagu_renstra[y] for y in sorted(uang.pagu_renstra))  # year order, as 5 K
    periode = any(v is not None for v in uang.pagu_renstra.values())
    # the Renstra's funded years; only without any, the years the history holds (a spending
    # before the plan's first funded year is not the plan's)
    years = _tahun_sebelum(uang.pagu_renstra if periode else uang.realisasi_lalu, aturan.tahun)
    values, why6 = _lalu(years, uang.realisasi_lalu, "6", periode)
    alasan += why6
    rp6 = jumlah(values) if values and all(v is not None for v in values) else None
    pertama = periode and not years  # the Renstra's first year: 13 is this year's spending
    tw = tw_sendiri(uang.realisasi_tw, aturan.nilai_tw)
    # the year as the domain reads a flow (the last total to date, or the sum): exact, where the
    # sum of the differences in 8-11 may differ from it in the last bit
    rp12 = (uang.realisasi if uang.realisasi is not None
            else nilai_tahunan(uang.realisasi_tw, "kumulatif", aturan.nilai_tw))
    alasan += _cek_tw(_empat(uang.realisasi_tw), aturan.nilai_tw, uang.realisasi, uang.pagu, "12")
    if rp12 is None:
        alasan.append(Alasan(TANPA_REALISASI, "12"))
    if uang.pagu is None or uang.pagu == 0:
        alasan.append(Alasan(TANPA_TARGET, "7", {"target": uang.pagu}))
    rp13 = rp12 if pertama else None if rp6 is None or rp12 is None else rp6 + rp12
    if rp5 is None or rp5 == 0:
        alasan.append(Alasan(TANPA_TARGET_RENSTRA, "5", {"target": rp5}))
    return Kolom(rp5, rp6, uang.pagu, tw, rp12, penyerapan(uang.pagu, rp12), rp13,
                 penyerapan(rp5, rp13), tuple(alasan))


def jumlah_rp(anak: Sequence[Kolom]) -> Kolom:
    """The Rp columns of a parent without its own money: each column the `jumlah` of its children
    (in order), the percentages recomputed from the sums: a programme's absorption is the sum of
    realisation over the sum of pagu, weighted by budget, never the mean of the rows' percentages.
    A column some children leave empty while others fill is summed over those that fill it, with a
    `jumlah-sebagian` reason (the parent's 6 or 13 then understates)."""
    alasan: list[Alasan] = []

    def col(name: str) -> float | None:
        values = [getattr(a, name) for a in anak]
        total = jumlah(values)
        kosong = sum(v is None for v in values)
        if total is not None and kosong:
            alasan.append(Alasan(JUMLAH_SEBAGIAN, name[1:], {"kosong": kosong, "dari": len(values)}))
        return total

    rp5, rp6, rp7, rp12, rp13 = col("k5"), col("k6"), col("k7"), col("k12"), col("k13")
    tw = _empat([jumlah(a.tw[q] for a in anak) for q in range(4)])
    return Kolom(rp5, rp6, rp7, tw, rp12, penyerapan(rp7, rp12), rp13, penyerapan(rp5, rp13),
                 tuple(alasan))


def rp_induk(sendiri: UangRenja | None, anak: Sequence[Kolom], aturan: AturanRenja) -> Kolom:
    """A programme's (or kegiatan's) Rp columns: its own money when it has any figure, else the sum
    of its children's (a stated total that differs from the sum is verify's finding)."""
    if sendiri is not None and not sendiri.kosong():
        return kolom_rp(sendiri, aturan)
    return jumlah_rp(anak)


def ringkasan(k_baris: Sequence[Kolom], bands: Sequence[PredikatBand],
              rp_baris: Sequence[Kolom] = ()) -> RingkasanE81:
    """The footer of the form. The mean runs over the rows' capped 12a K (empty ones left out),
    its predicate from the workbook's predicate table; `rp_baris` are the top rows (programmes),
    whose money is summed once: absorption = sum of 12 / sum of 7 x 100."""
    dipakai = [b.capaian_dipakai for b in k_baris]
    mean = rerata(dipakai)
    total = jumlah_rp(rp_baris) if rp_baris else None
    return RingkasanE81(
        rata_rata_capaian=mean,
        predikat=predikat(mean, bands),
        rata_rata_capaian_renstra=rerata(b.k14 for b in k_baris),
        penyerapan=None if total is None else total.k12a,
        baris=sum(v is not None for v in dipakai),
    )


def persen_kumulatif(satuan: str | None, agregasi: str | None) -> bool:
    """A percentage declared `kumulatif`: a level summed over quarters and years (a peer's slip,
    verify's warning). The unit is a percentage when it is '%' or names 'persen'."""
    if agregasi != "kumulatif" or not satuan:
        return False
    s = satuan.strip().lower()
    return s == "%" or s.startswith("persen") or s == "percent"


def target_renja_beda(ind: IndikatorRenja, tahun: int) -> Alasan | None:
    """This year's Renja target (7) against the Renstra's target for the year, when both exist."""
    renstra = ind.target_renstra.get(tahun)
    if ind.target is None or renstra is None or dekat(ind.target, renstra):
        return None
    return Alasan("target-renja-beda-renstra", "7", {"target": ind.target, "renstra": renstra})


__all__ = [
    "Alasan", "AturanRenja", "IndikatorRenja", "Kolom", "RingkasanE81", "UangRenja", "jumlah_rp",
    "kolom_k", "kolom_rp", "persen_kumulatif", "ringkasan", "rp_induk", "target_renja_beda",
    "tw_sendiri",
]
