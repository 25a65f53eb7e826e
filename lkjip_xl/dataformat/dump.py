"""Writing the canonical document: JSON indented, or YAML as PyYAML writes it with our
representers (block style, short rows on one line, number-like text quoted), produced by
`yaml_emit` without PyYAML's per-event emitter."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import IO, Any

import yaml

from lkjip_xl.core.errors import OutputError, UsageError
from lkjip_xl.core.model import Dokumen
from lkjip_xl.dataformat.convert import to_dict
from lkjip_xl.dataformat.yaml_emit import Emitter, Unsupported


class _Dumper(yaml.SafeDumper):
    """Block style, sequences indented under their key, no aliases (&id001) ever."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


FLOW_KEYS = ({"min", "label"}, {"awal", "akhir"}, {"uraian", "nilai"}, {"uraian"}, {"nilai"})
QUOTE = re.compile(r"[\d\s.,+-]+")  # "19610804 198603 1 019" is a NIP, not a number: quote it


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = bool(data) and all(_scalar(v) for v in data)  # quarter lists: [null, null, null, 66]
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[Any, Any]) -> yaml.Node:
    # year maps {2017: 60, ...}, predikat bands, renstra and komponen parts on one line
    flow = (
        bool(data)
        and all(_scalar(v) for v in data.values())
        and (all(isinstance(k, int) for k in data) or set(data) in FLOW_KEYS)
    )
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if QUOTE.fullmatch(data) else "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(str, _represent_str)


def pyyaml_text(data: Any) -> str:
    """The canonical YAML by PyYAML's own emitter (the reference `yaml_emit` is held to)."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
        indent=2,
    )


_ENTRY = re.compile(r"^k\d+:", re.M)


def render_scalars(values: list[Any], flow: bool) -> list[str]:
    """PyYAML's text of each scalar as a mapping's value (lines after the first indented from
    0) or as an item of a flow list, in one call: the entries of one mapping, each of whose
    lines after the first is indented, so every line starting "kN:" starts an entry."""
    text = pyyaml_text({f"k{n}": [v] if flow else v for n, v in enumerate(values)})
    starts = [m.start() for m in _ENTRY.finditer(text)] + [len(text)]
    out = []
    for n, (a, b) in enumerate(zip(starts, starts[1:])):
        entry = text[a + len(f"k{n}: "):b - 1]  # without the key and the final newline
        out.append(entry[1:-1] if flow else entry)
    if len(out) != len(values):
        raise AssertionError("YAML rendering lost its entries")
    return out


def dump_data(data: dict[str, Any]) -> str:
    try:
        return Emitter(render_scalars, FLOW_KEYS, QUOTE).emit(data)
    except Unsupported:  # a shape the canonical form never has
        return pyyaml_text(data)


def dumps(dok: Dokumen, fmt: str = "yaml") -> str:
    """The canonical document as YAML (unicode kept, block style) or JSON (indented)."""
    data = to_dict(dok)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "yaml":
        return dump_data(data)
    raise UsageError(
        f"format data tidak dikenal: {fmt} (yaml, json)", f"unknown data format: {fmt} (yaml, json)"
    )


def dump(dok: Dokumen, target: str | os.PathLike[str] | IO[str], fmt: str | None = None) -> None:
    """Write the canonical document to a path or a text stream. `fmt` None: JSON for a .json
    path, YAML otherwise."""
    if hasattr(target, "write"):
        target.write(dumps(dok, fmt or "yaml"))
        return
    path = Path(target)  # type: ignore[arg-type]
    fmt = fmt or ("json" if path.suffix.lower() == ".json" else "yaml")
    text = dumps(dok, fmt)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutputError(
            f"tidak dapat menulis {path} ({reason})", f"cannot write {path} ({reason})"
        ) from None
