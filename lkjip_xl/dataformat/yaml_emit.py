"""The canonical YAML written without PyYAML's per-event Python emitter, to the same text.

PyYAML's emitter is pure Python (libyaml's cannot indent a sequence under its key, which the
canonical form does) and took three quarters of `export` at 5,000 rows. The canonical form is
simple: block mappings, sequences of mappings indented under their key, flow lists and maps of
scalars on one line (the rules of `_represent_list` / `_represent_dict`). This writes that
structure directly; a scalar is written here only when it is surely plain (a number, null, a
boolean, or text that PyYAML's resolver reads back as the same text and that has no character
any YAML context treats specially); every other scalar (quoted, multi-line, unusual characters)
is rendered by PyYAML itself in the same context, once per distinct value.
tests/test_dataformat_emit.py holds the two writers equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
# text PyYAML writes plain in block and in flow context: no indicator, no quote, no colon or
# hash, no leading/trailing space, no run of spaces, ASCII only (allow_unicode aside)
_PLAIN_BLOCK = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.()/&%_+=-]{0,400}")
_PLAIN_FLOW = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .()/&%_+=-]{0,400}")
_BREAKS = re.compile("[\r\x85\u2028\u2029]")  # YAML's line breaks besides \n
_INF = float("inf")
LONG = 3000  # PyYAML folds lines at 4,096 columns (width): longer text is left to it


class Unsupported(Exception):
    """A shape the canonical form never has: the caller lets PyYAML write the whole text."""


def _float(v: float) -> str:
    """SafeRepresenter.represent_float's text."""
    if v != v:
        return ".nan"
    if v == _INF:
        return ".inf"
    if v == -_INF:
        return "-.inf"
    text = repr(v).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


class Emitter:
    """`emit(data)`: the canonical YAML of a dict. `render(values, flow)` is PyYAML's own text of
    each scalar as a block mapping's value (`flow` False: may span lines, indented from 0) or
    inside a flow collection (`flow` True)."""

    def __init__(self, render: Callable[[list[Any], bool], list[str]], flow_keys: tuple[set[str], ...],
                 quote: re.Pattern[str]) -> None:
        self.render = render
        self.flow_keys = flow_keys
        self.quote = quote
        self.cache: dict[tuple[type, Any, bool], str] = {}

    # ------------------------------------------------------------------ scalars
    def _fast(self, v: Any, flow: bool) -> str | None:
        """The text of a scalar written here, or None: PyYAML renders it."""
        if type(v) is str and (len(v) > LONG and "\n" not in v or _BREAKS.search(v)):
            raise Unsupported("a line PyYAML may fold where its column says, or a rare break")
        if v is None:
            return "null"
        t = type(v)
        if t is bool:
            return "true" if v else "false"
        if t is int:
            return str(v)
        if t is float:
            return _float(v)
        if t is str and len(v) < 200 and self.quote.fullmatch(v) and v.strip() == v:
            return f'"{v}"'  # digits, spaces, . , + - only: double-quoted, nothing to escape
        if t is str and (_PLAIN_FLOW if flow else _PLAIN_BLOCK).fullmatch(v) \
                and not v.endswith(" ") and "  " not in v and not self.quote.fullmatch(v) \
                and _RESOLVER.resolve(yaml.ScalarNode, v, (True, False)) == _STR_TAG:
            return v
        return None

    def _key(self, k: Any, flow: bool) -> str:
        """A key as its value would be written: a simple key's style is the value's unless it
        is empty, spans lines or is long (then Unsupported; the canonical form's keys are names,
        codes and years)."""
        if k == "" or type(k) is str and (len(k) > 100 or "\n" in k):
            raise Unsupported(f"key {k!r}")
        text = self.scalar(k, flow)
        if "\n" in text or len(text) > 120:
            raise Unsupported(f"key {k!r}")
        return text

    def scalar(self, v: Any, flow: bool) -> str:
        key = (type(v), v, flow)
        got = self.cache.get(key)
        if got is None:
            fast = self._fast(v, flow)
            got = self.cache[key] = fast if fast is not None else self.render([v], flow)[0]
        return got

    def _prepare(self, v: Any, flow: bool, todo: dict[tuple[type, Any, bool], Any]) -> None:
        """Every scalar PyYAML is to render, found before writing: rendered in one call."""
        if isinstance(v, dict):
            inner = flow or self._flow_dict(v)
            for k, x in v.items():
                self._prepare(k, inner, todo)
                self._prepare(x, inner, todo)
        elif isinstance(v, list):
            inner = flow or (bool(v) and all(self._is_scalar(x) for x in v))
            for x in v:
                self._prepare(x, inner, todo)
        else:
            key = (type(v), v, flow)
            if key not in self.cache and key not in todo:
                fast = self._fast(v, flow)
                if fast is None:
                    todo[key] = v
                else:
                    self.cache[key] = fast

    # ------------------------------------------------------------------ collections
    @staticmethod
    def _is_scalar(v: Any) -> bool:
        return not isinstance(v, (dict, list))

    def _flow_dict(self, d: dict[Any, Any]) -> bool:
        return bool(d) and all(self._is_scalar(v) for v in d.values()) and (
            all(isinstance(k, int) for k in d) or set(d) in self.flow_keys)

    def _flow(self, v: Any) -> str:
        if isinstance(v, list):
            text = "[" + ", ".join(self.scalar(x, True) for x in v) + "]"
        else:
            text = "{" + ", ".join(f"{self._key(k, True)}: {self.scalar(x, True)}"
                                   for k, x in v.items()) + "}"
        if len(text) > LONG:
            raise Unsupported("a flow line PyYAML may fold")
        return text

    def _value(self, v: Any, indent: int) -> tuple[str, bool]:
        """A value's text after "key:" and whether it is a block (on the lines below)."""
        if isinstance(v, dict):
            if not v:
                return " {}", False
            if self._flow_dict(v):
                return " " + self._flow(v), False
            return "", True
        if isinstance(v, list):
            if not v:
                return " []", False
            if all(self._is_scalar(x) for x in v):
                return " " + self._flow(v), False
            return "", True
        text = self.scalar(v, False)
        if "\n" in text:  # a literal block: its lines indented under the key
            first, *rest = text.split("\n")
            pad = " " * indent
            return " " + first + "".join("\n" + (pad + ln if ln else ln) for ln in rest), False
        return " " + text, False

    def _mapping(self, d: dict[Any, Any], indent: int, out: list[str], first: str = "") -> None:
        pad = " " * indent
        for n, (k, v) in enumerate(d.items()):
            lead = first if n == 0 and first else pad
            text, block = self._value(v, indent)
            out.append(f"{lead}{self._key(k, False)}:{text}")
            if block:
                self._block(v, indent + 2, out)

    def _block(self, v: Any, indent: int, out: list[str]) -> None:
        if isinstance(v, dict):
            self._mapping(v, indent, out)
            return
        pad = " " * indent
        for item in v:  # a sequence under its key: "- " at the key's indent + 2
            if isinstance(item, dict) and item and not self._flow_dict(item):
                self._mapping(item, indent + 2, out, first=pad + "- ")
            elif isinstance(item, list) and item and not all(self._is_scalar(x) for x in item):
                raise Unsupported("a block sequence in a sequence")  # never in our documents
            else:
                text, _block = self._value(item, indent)
                out.append(pad + "-" + text)

    def emit(self, data: dict[Any, Any]) -> str:
        todo: dict[tuple[type, Any, bool], Any] = {}
        self._prepare(data, False, todo)
        for flow in (False, True):
            keys = [k for k in todo if k[2] is flow]
            if keys:
                self.cache.update(zip(keys, self.render([todo[k] for k in keys], flow)))
        out: list[str] = []
        self._mapping(data, 0, out)
        return "\n".join(out) + "\n"
