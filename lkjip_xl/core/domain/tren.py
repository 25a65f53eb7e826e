"""This year against last year (DOMAIN.md, "Comparisons the LKjIP must show")."""

from __future__ import annotations

from lkjip_xl.core.domain.angka import REL_TOL


def perubahan(r: float | None, r_lalu: float | None) -> float | None:
    """(r - r_lalu) / r_lalu * 100; None if either is None or r_lalu is 0."""
    if r is None or r_lalu is None or r_lalu == 0:
        return None
    return (r - r_lalu) / r_lalu * 100


def jarak_rentang(x: float, a: float, b: float) -> float:
    """Distance from x to the range [a, b]: 0 inside, a - x below, x - b above."""
    if x < a:
        return a - x
    if x > b:
        return x - b
    return 0.0


def membaik(
    r: float | None,
    r_lalu: float | None,
    polaritas: str,
    target_min: float | None = None,
    target_maks: float | None = None,
) -> bool | None:
    """Whether the change from r_lalu to r is an improvement by the indicator's polarity.

    positif: r rose; negatif: r fell; rentang: the distance to [a, b] shrank. A change counts only
    when it exceeds 1e-9 * max(|r|, |r_lalu|) (floating-point noise is no change); no change,
    including staying inside the range, is False. None if r or r_lalu (or, for rentang, a bound)
    is None.
    """
    if r is None or r_lalu is None:
        return None
    if polaritas == "positif":
        gain = r - r_lalu
    elif polaritas == "negatif":
        gain = r_lalu - r
    elif polaritas == "rentang":
        if target_min is None or target_maks is None:
            return None
        a, b = target_min, target_maks
        gain = jarak_rentang(r_lalu, a, b) - jarak_rentang(r, a, b)
    else:
        raise ValueError(f"unknown polaritas {polaritas!r}")
    return gain > REL_TOL * max(abs(r), abs(r_lalu))
