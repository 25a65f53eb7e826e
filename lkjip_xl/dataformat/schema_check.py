"""A compiled yes/no checker for the JSON Schema subset lkjip-xl's data format uses.

`compile_schema(schema)` turns a Draft 2020-12 schema into nested closures that answer only
"valid or not", with the same answer as `jsonschema.Draft202012Validator(schema).is_valid`, an
order of magnitude faster on large documents. It produces no error messages: when it says
"invalid", the caller asks jsonschema, which stays the reference for what is wrong and where.

The compiler knows a fixed set of keywords (`KEYWORDS`). A schema that uses any other keyword,
a `$ref` outside `#/$defs/`, or a malformed keyword value raises `UnsupportedSchema` rather than
a checker that might guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from numbers import Number
from typing import Any

__all__ = ["KEYWORDS", "Check", "UnsupportedSchema", "compile_schema", "json_equal"]

Check = Callable[[Any], bool]

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

_ANNOTATIONS = frozenset({"description", "title", "$comment"})
_ROOT_ONLY = frozenset({"$schema", "$id", "$defs"})
_OBJECT_KEYWORDS = frozenset({"properties", "additionalProperties", "required", "propertyNames"})
_ARRAY_KEYWORDS = frozenset({"items", "minItems", "maxItems"})
_STRING_KEYWORDS = frozenset({"minLength", "pattern"})
_NUMBER_KEYWORDS = frozenset({"minimum", "maximum", "exclusiveMinimum"})
_OTHER_KEYWORDS = frozenset({"type", "enum", "const", "$ref", "not", "if", "then", "else"})
KEYWORDS = (
    _ANNOTATIONS
    | _ROOT_ONLY
    | _OBJECT_KEYWORDS
    | _ARRAY_KEYWORDS
    | _STRING_KEYWORDS
    | _NUMBER_KEYWORDS
    | _OTHER_KEYWORDS
)

_TYPE_NAMES = frozenset({"array", "boolean", "integer", "null", "number", "object", "string"})
# JSON types that a plain isinstance answers (jsonschema's draft 2020-12 type checker)
_TYPE_CLASSES: dict[str, type] = {"array": list, "boolean": bool, "object": dict, "string": str}


class UnsupportedSchema(ValueError):
    """The schema uses something this compiler does not implement."""


def compile_schema(schema: Mapping[str, Any] | bool) -> Check:
    """A function telling whether an instance is valid under `schema` (Draft 2020-12)."""
    return _Compiler(schema).root()


# --------------------------------------------------------------------------------------------
# Equality and types, as jsonschema defines them
# --------------------------------------------------------------------------------------------


def json_equal(one: Any, two: Any) -> bool:
    """JSON equality: True and 1 differ, 1 and 1.0 are equal, containers compare item by item."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(json_equal(a, b) for a, b in zip(one, two))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(k in two and json_equal(v, two[k]) for k, v in one.items())
    if one is True or one is False or two is True or two is False:
        return False  # a bool equals only itself, and `one is two` already failed
    return bool(one == two)


def _is_number(value: Any) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _all(checks: list[Check]) -> Check:
    """One check that passes when every one of `checks` does (fewest calls for the common sizes)."""
    checks = [c for c in checks if c is not _always]
    if not checks:
        return _always
    if _never in checks:
        return _never
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)
    frozen = tuple(checks)

    def every(value: Any) -> bool:
        for check in frozen:
            if not check(value):
                return False
        return True

    return every


# --------------------------------------------------------------------------------------------
# Compiler
# --------------------------------------------------------------------------------------------


class _Compiler:
    def __init__(self, schema: Mapping[str, Any] | bool) -> None:
        self.schema = schema
        self.defs: dict[str, Check] = {}
        self.pending: set[str] = set()

    def root(self) -> Check:
        schema = self.schema
        if isinstance(schema, Mapping):
            if schema.get("$schema", DRAFT_2020_12) != DRAFT_2020_12:
                raise UnsupportedSchema(f"$schema {schema['$schema']!r}")
            if not isinstance(schema.get("$id", ""), str) or not isinstance(schema.get("$defs", {}), Mapping):
                raise UnsupportedSchema("$id / $defs")
        return self.node(schema, root=True)

    # one subschema ---------------------------------------------------------------------------

    def node(self, schema: Any, root: bool = False) -> Check:
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, Mapping):
            raise UnsupportedSchema(f"a schema must be an object or a boolean, not {schema!r}")
        allowed = KEYWORDS if root else KEYWORDS - _ROOT_ONLY
        unknown = [k for k in schema if k not in allowed]
        if unknown:
            raise UnsupportedSchema(f"keyword {unknown[0]!r}")

        checks: list[Check] = []
        types = self.types(schema["type"]) if "type" in schema else None
        if types is not None:
            checks.append(self.type_check(types))
        if "enum" in schema:
            checks.append(self.enum_check(schema["enum"]))
        if "const" in schema:
            checks.append(self.const_check(schema["const"]))
        checks += self.typed_checks(schema, types)
        if "$ref" in schema:
            checks.append(self.ref(schema["$ref"]))
        if "not" in schema:
            checks.append(self.not_check(schema["not"]))
        if "if" in schema:
            checks.append(self.if_check(schema))
        else:  # then / else without if do nothing, but must still be schemas we understand
            for key in ("then", "else"):
                if key in schema:
                    self.node(schema[key])
        return _all(checks)

    def typed_checks(self, schema: Mapping[str, Any], types: frozenset[str] | None) -> list[Check]:
        """Keywords that apply to one JSON type only, each behind a guard for that type (left
        out when `type` already rules the type out)."""
        out: list[Check] = []
        groups = (
            ("object", _OBJECT_KEYWORDS, self.object_check, lambda v: isinstance(v, dict)),
            ("array", _ARRAY_KEYWORDS, self.array_check, lambda v: isinstance(v, list)),
            ("string", _STRING_KEYWORDS, self.string_check, lambda v: isinstance(v, str)),
            ("number", _NUMBER_KEYWORDS, self.number_check, _is_number),
        )
        for name, keywords, build, is_kind in groups:
            if not any(k in schema for k in keywords):
                continue
            inner = build(schema)  # compiled even when unreachable: refuse what we do not know
            reachable = types is None or name in types or (name == "number" and "integer" in types)
            if inner is _always or not reachable:
                continue
            if types is not None and name != "number" and types <= {name, "null"}:
                # `type` runs first and has passed: the value is this kind (or null)
                out.append(inner if "null" not in types else _unless_none(inner))
            else:
                out.append(_only_for(is_kind, inner))
        return out

    # type, enum, const -----------------------------------------------------------------------

    @staticmethod
    def types(value: Any) -> frozenset[str]:
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names or not all(n in _TYPE_NAMES for n in names):
            raise UnsupportedSchema(f"type {value!r}")
        return frozenset(names)

    @staticmethod
    def type_check(types: frozenset[str]) -> Check:
        classes = tuple(_TYPE_CLASSES[t] for t in sorted(types) if t in _TYPE_CLASSES)
        allow_none = "null" in types
        number = "number" in types
        integer = "integer" in types and not number
        if not number and not integer:
            if allow_none:
                return lambda v: v is None or isinstance(v, classes)
            return lambda v: isinstance(v, classes)

        def check(value: Any) -> bool:
            kind = type(value)
            if kind is float:
                return number or value.is_integer()
            if kind is int:
                return True
            if value is None:
                return allow_none
            if isinstance(value, classes):
                return True  # bool lands here only when "boolean" is listed
            return _is_number(value) if number else _is_integer(value)

        return check

    @staticmethod
    def enum_check(values: Any) -> Check:
        if not isinstance(values, list):
            raise UnsupportedSchema(f"enum {values!r}")
        options = tuple(values)
        strings = frozenset(v for v in options if type(v) is str)

        def check(value: Any) -> bool:
            if type(value) is str:
                return value in strings
            return any(json_equal(option, value) for option in options)

        return check

    @staticmethod
    def const_check(const: Any) -> Check:
        if type(const) is str:
            return lambda v: v == const if type(v) is str else json_equal(v, const)
        return lambda v: json_equal(v, const)

    # objects ---------------------------------------------------------------------------------

    def object_check(self, schema: Mapping[str, Any]) -> Check:
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        if not isinstance(properties, Mapping):
            raise UnsupportedSchema("properties")
        if not isinstance(required, list) or not all(isinstance(k, str) for k in required):
            raise UnsupportedSchema("required")
        props = {name: self.node(sub) for name, sub in properties.items()}
        extra = self.node(schema.get("additionalProperties", True))
        names = self.node(schema["propertyNames"]) if "propertyNames" in schema else _always
        keys = tuple(dict.fromkeys(required))
        if not props and extra is _always and names is _always:
            return (lambda v: all(k in v for k in keys)) if keys else _always
        return _object(props, None if extra is _always else extra, names, keys)

    # arrays, strings, numbers ----------------------------------------------------------------

    def array_check(self, schema: Mapping[str, Any]) -> Check:
        low = _count(schema, "minItems", 0)
        high = _count(schema, "maxItems", -1)
        item = self.node(schema.get("items", True))
        if item is _always:
            if low == 0 and high < 0:
                return _always
            if high < 0:
                return lambda v: len(v) >= low
            return lambda v: low <= len(v) <= high

        def check(value: list[Any]) -> bool:
            size = len(value)
            if size < low or 0 <= high < size:
                return False
            for each in value:
                if not item(each):
                    return False
            return True

        return check

    @staticmethod
    def string_check(schema: Mapping[str, Any]) -> Check:
        shortest = _count(schema, "minLength", 0)
        if "pattern" not in schema:
            return lambda v: len(v) >= shortest
        pattern = schema["pattern"]
        if not isinstance(pattern, str):
            raise UnsupportedSchema(f"pattern {pattern!r}")
        try:
            search = re.compile(pattern).search  # what jsonschema's re.search(pattern, v) runs
        except re.error as exc:
            raise UnsupportedSchema(f"pattern {pattern!r}: {exc}") from None
        return lambda v: len(v) >= shortest and search(v) is not None

    @staticmethod
    def number_check(schema: Mapping[str, Any]) -> Check:
        bounds = {key: schema[key] for key in ("minimum", "maximum", "exclusiveMinimum") if key in schema}
        for key, bound in bounds.items():
            if isinstance(bound, bool) or not isinstance(bound, (int, float)):
                raise UnsupportedSchema(f"{key} {bound!r}")
        checks: list[Check] = []
        if "minimum" in bounds:
            checks.append(_not_below(bounds["minimum"]))
        if "maximum" in bounds:
            checks.append(_not_above(bounds["maximum"]))
        if "exclusiveMinimum" in bounds:
            checks.append(_above(bounds["exclusiveMinimum"]))
        return _all(checks)

    # references and applicators --------------------------------------------------------------

    def ref(self, ref: Any) -> Check:
        prefix = "#/$defs/"
        name = ref[len(prefix):] if isinstance(ref, str) and ref.startswith(prefix) else ""
        if not name or any(c in name for c in "/~%"):  # no nested pointers, no escapes
            raise UnsupportedSchema(f"$ref {ref!r}")
        if name in self.defs:
            return self.defs[name]
        if name in self.pending:  # a recursive reference: look the check up when it runs
            return lambda v: self.defs[name](v)
        defs = self.schema.get("$defs", {}) if isinstance(self.schema, Mapping) else {}
        if name not in defs:
            raise UnsupportedSchema(f"$ref {ref!r} points nowhere")
        self.pending.add(name)
        check = self.node(defs[name])
        self.pending.discard(name)
        self.defs[name] = check
        return check

    def not_check(self, schema: Any) -> Check:
        inner = self.node(schema)
        if inner is _always:
            return _never
        if inner is _never:
            return _always
        return lambda v: not inner(v)

    def if_check(self, schema: Mapping[str, Any]) -> Check:
        condition = self.node(schema["if"])
        then = self.node(schema.get("then", True))
        otherwise = self.node(schema.get("else", True))
        if then is _always and otherwise is _always:
            return _always
        return lambda v: then(v) if condition(v) else otherwise(v)


def _unless_none(inner: Check) -> Check:
    return lambda value: value is None or inner(value)


def _only_for(is_kind: Check, inner: Check) -> Check:
    return lambda value: not is_kind(value) or inner(value)


# Written as jsonschema compares, so that NaN passes every bound as it does there.
def _not_below(bound: float) -> Check:
    return lambda value: not value < bound


def _not_above(bound: float) -> Check:
    return lambda value: not value > bound


def _above(bound: float) -> Check:
    return lambda value: not value <= bound


def _count(schema: Mapping[str, Any], key: str, default: int) -> int:
    value = schema.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or (key in schema and value < 0):
        raise UnsupportedSchema(f"{key} {value!r}")
    return value


def _object(props: dict[str, Check], extra: Check | None, names: Check, required: tuple[str, ...]) -> Check:
    """properties + additionalProperties + propertyNames + required, in one pass over the keys.
    A key outside `props` goes to `extra` (None: allowed unchecked)."""
    check_names = names is not _always

    def check(value: dict[Any, Any]) -> bool:
        for key in required:
            if key not in value:
                return False
        for key, item in value.items():
            if check_names and not names(key):
                return False
            sub = props.get(key)
            if sub is None:
                if extra is not None and not extra(item):
                    return False
            elif not sub(item):
                return False
        return True

    return check
