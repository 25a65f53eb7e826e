"""The report's charts as PNG pictures (matplotlib, Agg, 200 dpi).

Why matplotlib: it runs headless without a display or LibreOffice, its PNGs are exact at print
resolution, and it is the one plotting library the agencies' IT already packages. Word cannot
take SVG everywhere (2016 and older show nothing) and EMF output is not available, so a 200 dpi
PNG is what prints crisply on A4. Imported only when a document is built.
"""

from __future__ import annotations

import io
import textwrap

from lkjip_xl.core.number_display import tampil
from lkjip_xl.laporan.angka import angka

DPI = 200
MAX_BARS = 40  # beyond this a bar per item is unreadable on A4: the charts summarise instead


def _plt():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _indonesian_ticks(axis) -> None:  # type: ignore[no-untyped-def]
    """Axis numbers as the text beside them reads them: 1.000; 0,5 (matplotlib: 1000; 0.5)."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: tampil(v, "number", "id")))


def capaian_chart(labels: list[str], capaian: list[float | None], tahun: int) -> bytes:
    """Capaian per indicator (horizontal bars) against the 100 % line."""
    plt = _plt()
    n = len(labels)
    fig, ax = plt.subplots(figsize=(6.3, 0.9 + 0.45 * max(n, 1)), dpi=DPI)
    ys = list(range(n))[::-1]
    vals = [v if v is not None else 0.0 for v in capaian]
    ax.barh(ys, vals, color="#2F5597", height=0.6)
    ax.axvline(100, color="#C00000", linewidth=1, linestyle="--")
    for y, v in zip(ys, capaian):
        ax.text((v or 0) + 1, y, angka(v, "percent") if v is not None else "-", va="center",
                fontsize=7)
    ax.set_yticks(ys, [textwrap.shorten(t, 48, placeholder="...") for t in labels], fontsize=7)
    ax.set_xlabel(f"Capaian {tahun} (%)", fontsize=8)
    ax.set_xlim(0, max([100.0, *vals]) * 1.15)
    _indonesian_ticks(ax.xaxis)
    ax.tick_params(axis="x", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return _png(plt, fig)


def predikat_chart(counts: list[tuple[str, int]], tahun: int) -> bytes:
    """How many indicators reached each predicate (for more indicators than MAX_BARS)."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.3, 1.0 + 0.45 * max(len(counts), 1)), dpi=DPI)
    ys = list(range(len(counts)))[::-1]
    ax.barh(ys, [n for _l, n in counts], color="#2F5597", height=0.6)
    for y, (_l, n) in zip(ys, counts):
        ax.text(n, y, f" {n}", va="center", fontsize=7)
    ax.set_yticks(ys, [label for label, _n in counts], fontsize=7)
    ax.set_xlabel(f"Jumlah indikator menurut predikat capaian {tahun}", fontsize=8)
    _indonesian_ticks(ax.xaxis)
    ax.tick_params(axis="x", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return _png(plt, fig)


def anggaran_chart(labels: list[str], anggaran: list[float | None],
                   realisasi: list[float | None]) -> bytes:
    """Allocation and spending per sasaran (millions of rupiah)."""
    plt = _plt()
    n = len(labels)
    fig, ax = plt.subplots(figsize=(6.3, 1.2 + 0.6 * max(n, 1)), dpi=DPI)
    ys = [i * 1.0 for i in range(n)][::-1]
    a = [(v or 0) / 1e6 for v in anggaran]
    r = [(v or 0) / 1e6 for v in realisasi]
    ax.barh([y + 0.18 for y in ys], a, height=0.35, color="#A6A6A6", label="Anggaran")
    ax.barh([y - 0.18 for y in ys], r, height=0.35, color="#2F5597", label="Realisasi")
    ax.set_yticks(ys, [textwrap.shorten(t, 48, placeholder="...") for t in labels], fontsize=7)
    ax.set_xlabel("Juta rupiah", fontsize=8)
    _indonesian_ticks(ax.xaxis)
    ax.tick_params(axis="x", labelsize=7)
    ax.legend(fontsize=7, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return _png(plt, fig)


def _png(plt, fig) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    # no "Software: Matplotlib version..." chunk: the picture must not change with the library's
    # version (the golden outputs hold its hash)
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()
