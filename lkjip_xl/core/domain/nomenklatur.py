"""Codes of programmes, kegiatan and sub-kegiatan: the decrees' structure and the parent prefix.

`pengaturan.nomenklatur` names the structure (RENJA-EVALUATION.md, "Code structure"):
- `bebas` (default): any code (the Denpasar sample's `P4.01`);
- `permendagri_90_2019`: urusan (1 digit or X) . bidang (2) . programme (2) . kegiatan (1 + 2, the
  first digit 1 for a province and 2 for a regency or city) . sub-kegiatan (2);
- `kepmendagri_050_5889_2021`: the same with a four-digit sub-kegiatan (`1.01.01.2.01.0001`).
Only the structure is checked: the list of valid codes changes almost yearly and no licensed
machine-readable copy exists to bundle. Whatever the structure, a kegiatan's code starts with its
programme's and a sub-kegiatan's with its kegiatan's, segment by segment.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

BEBAS = "bebas"
PERMENDAGRI_90_2019 = "permendagri_90_2019"
KEPMENDAGRI_050_5889_2021 = "kepmendagri_050_5889_2021"
NOMENKLATUR: tuple[str, ...] = (BEBAS, PERMENDAGRI_90_2019, KEPMENDAGRI_050_5889_2021)

TINGKAT: tuple[str, ...] = ("program", "kegiatan", "sub_kegiatan")

_URUSAN = r"(?:[1-9]|X)"
_BIDANG = r"(?:\d{2}|XX)"


def _lebar(nomenklatur: str) -> tuple[int, ...]:
    """Digits of each segment: urusan, bidang, programme, kegiatan (1 + 2), sub-kegiatan."""
    if nomenklatur == PERMENDAGRI_90_2019:
        return (1, 2, 2, 1, 2, 2)
    if nomenklatur == KEPMENDAGRI_050_5889_2021:
        return (1, 2, 2, 1, 2, 4)
    raise ValueError(f"unknown nomenklatur {nomenklatur!r}")


def _segmen(tingkat: str) -> int:
    if tingkat not in TINGKAT:
        raise ValueError(f"unknown tingkat {tingkat!r}")
    return {"program": 3, "kegiatan": 5, "sub_kegiatan": 6}[tingkat]


def pola(nomenklatur: str, tingkat: str) -> re.Pattern[str] | None:
    """The regular expression a code of `tingkat` must match in full; None for `bebas`."""
    if nomenklatur == BEBAS:
        _segmen(tingkat)
        return None
    lebar = _lebar(nomenklatur)
    parts = [_URUSAN, _BIDANG, r"\d{2}", r"[12]", r"\d{2}", rf"\d{{{lebar[5]}}}"]
    return re.compile(r"\.".join(parts[: _segmen(tingkat)]))


def contoh(nomenklatur: str, tingkat: str) -> str | None:
    """A code of the right shape, for a message ('1.01.01.2.01.0001'); None for `bebas`."""
    if nomenklatur == BEBAS:
        return None
    lebar = _lebar(nomenklatur)
    full = ["1", "01", "01", "2", "01", "1".zfill(lebar[5])]
    return ".".join(full[: _segmen(tingkat)])


def sesuai(kode: str, nomenklatur: str, tingkat: str) -> bool:
    """Whether `kode` has the structure of `tingkat` under `nomenklatur` (`bebas`: any code)."""
    p = pola(nomenklatur, tingkat)
    return p is None or p.fullmatch(kode) is not None


def bentuk_normal(kode: str, nomenklatur: str, tingkat: str) -> str | None:
    """The code meant by a mis-padded one, or None when none can be read from it.

    Each segment that is a number is written at its width (leading zeros added or dropped:
    `1.01.01.02.01.0001` -> `1.01.01.2.01.0001`, `1.1.1.2.1.1` -> `1.01.01.2.01.0001` under
    050-5889/2021); spaces around the dots go. A code with the wrong number of segments, a letter
    where digits belong or a number too wide for its segment has no normal form. A code already
    in shape is its own normal form.
    """
    if nomenklatur == BEBAS:
        return kode
    lebar = _lebar(nomenklatur)
    parts = [s.strip() for s in kode.strip().split(".")]
    n = _segmen(tingkat)
    if len(parts) != n:
        return None
    out: list[str] = []
    for i, (part, width) in enumerate(zip(parts, lebar)):
        if i < 2 and set(part) == {"X"} and len(part) <= width:
            out.append("X" * width)
            continue
        if not (part.isascii() and part.isdigit()):
            return None
        digits = part.lstrip("0") or "0"
        if len(digits) > width:
            return None
        out.append(digits.zfill(width))
    normal = ".".join(out)
    return normal if sesuai(normal, nomenklatur, tingkat) else None


@dataclass(frozen=True)
class MasalahKode:
    """A code not in the chosen structure; `saran` is its normal form when one can be read."""

    kode: str
    tingkat: str
    nomenklatur: str
    contoh: str | None
    saran: str | None


def cek_kode(kode: str, nomenklatur: str, tingkat: str) -> MasalahKode | None:
    """None when the code fits; else what is wrong and, for a mis-padded code, the code meant."""
    if sesuai(kode, nomenklatur, tingkat):
        return None
    saran = bentuk_normal(kode, nomenklatur, tingkat)
    return MasalahKode(kode, tingkat, nomenklatur, contoh(nomenklatur, tingkat), saran)


def cek_daftar(kode: str, daftar: Collection[str], nomenklatur: str, tingkat: str
               ) -> tuple[bool, str | None]:
    """Against a list of valid codes a planning unit supplies (a file; none is bundled): whether
    the code is in it and, when it is not, the listed code it was probably meant to be (its
    normal form, when that one is listed)."""
    if kode.strip() in daftar:
        return True, None
    normal = bentuk_normal(kode, nomenklatur, tingkat)
    return False, normal if normal is not None and normal in daftar else None


def berawal_induk(kode: str, kode_induk: str) -> bool:
    """Whether a kegiatan's code starts with its programme's (a sub-kegiatan's with its
    kegiatan's), segment by segment: `1.01.02.2.01` is under `1.01.02`, not under `1.01.0`.
    Spaces around the codes are ignored; an empty parent code proves nothing (True)."""
    induk = kode_induk.strip()
    if not induk:
        return True
    return kode.strip().startswith(induk + ".")


__all__ = [
    "BEBAS", "KEPMENDAGRI_050_5889_2021", "NOMENKLATUR", "PERMENDAGRI_90_2019", "TINGKAT",
    "MasalahKode", "bentuk_normal", "berawal_induk", "cek_daftar", "cek_kode", "contoh", "pola",
    "sesuai",
]
