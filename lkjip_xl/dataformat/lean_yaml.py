"""YAML text to plain data: a safe loader that refuses a key written twice, and the lean loader
that walks libyaml's parse events instead of composing a node graph (the same data for the
documents lkjip-xl reads, at a fraction of the time and memory)."""

from __future__ import annotations

from typing import Any

import yaml

from lkjip_xl.core.errors import DataFormatError
from lkjip_xl.dataformat.limits import MAX_DEPTH


class _DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _RefuseDuplicateKeys:
    """Loader mixin that refuses a key written twice in one mapping."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise _DuplicateKeyError(problem=key_node.value, problem_mark=key_node.start_mark)
                    seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _StrictSafeLoader(_RefuseDuplicateKeys, yaml.SafeLoader):
    """yaml.SafeLoader that refuses duplicate keys: the reference parser, stable messages."""


_CLoader = getattr(yaml, "CSafeLoader", None)
StrictFastLoader: Any = (type("StrictFastLoader", (_RefuseDuplicateKeys, _CLoader), {})
                          if _CLoader is not None else None)


def parse_yaml(text: str) -> Any:
    if _CLoader is not None:
        try:
            return load_lean(text)
        except _Unusual:
            pass  # tags, merge keys, repeated keys, deep nesting: the full loaders below decide
        except yaml.YAMLError:
            return parse_yaml_reference(text)
        try:
            return yaml.load(text, Loader=StrictFastLoader)  # a CSafeLoader subclass
        except yaml.YAMLError:
            pass  # parse again with the pure-Python loader for the same message everywhere
    return parse_yaml_reference(text)


def parse_yaml_reference(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictSafeLoader)  # a SafeLoader subclass
    except _DuplicateKeyError as exc:
        where_id, where_en = _mark(exc.problem_mark)
        raise DataFormatError(
            f'{where_id}: kunci "{exc.problem}" ganda', f'{where_en}: duplicate key "{exc.problem}"'
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "").split())
        if mark is None:
            raise DataFormatError(f"YAML tidak sah ({problem})", f"invalid YAML ({problem})") from None
        where_id, where_en = _mark(mark)
        raise DataFormatError(
            f"{where_id}: YAML tidak sah ({problem})", f"{where_en}: invalid YAML ({problem})"
        ) from None
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise DataFormatError(f"YAML tidak sah ({problem})", f"invalid YAML ({problem})") from None


class _Unusual(Exception):
    """The lean YAML loader met something it leaves to the full loaders."""


_STR_TAG = "tag:yaml.org,2002:str"
_LEAN_MAX_DEPTH = 2 * MAX_DEPTH  # deeper documents are refused later; the full loaders handle them
_FLOAT_TAG = "tag:yaml.org,2002:float"
_SCALAR_TAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", _FLOAT_TAG)


def load_lean(text: str) -> Any:
    """yaml.load(text, CSafeLoader) with the same result for the documents lkjip-xl reads, at a
    fraction of the cost and memory: libyaml parses, one small recursive walk over its events
    builds the data (no node graph: composing one held ~30x the text, 250 MB for 20,000 rows).
    Raises _Unusual for what only the full loader handles (explicit tags, anchors and aliases,
    merge keys, timestamps, keys that repeat, deep nesting, several documents) and
    yaml.YAMLError for what libyaml refuses."""
    loader = _LeanLoader(text)
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        data = _LeanBuilder(loader).build(loader.get_event(), 0)
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise _Unusual  # a second document: the full loader words the refusal
        return data
    finally:
        loader.dispose()


class _LeanBuilder:
    """Plain data from parse events, as SafeConstructor builds it for the tags it handles."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.plain: dict[str, Any] = {}  # plain scalar text -> its value (keys and nulls repeat)
        table = loader.yaml_implicit_resolvers
        wildcard = list(table.get(None, []))
        self.resolvers = {first: [*pairs, *wildcard] for first, pairs in table.items() if first is not None}
        self.wildcard = wildcard

    def build(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if event.anchor is not None or getattr(event, "tag", None) is not None:
            raise _Unusual  # anchors (aliases follow) and explicit tags
        if kind is yaml.ScalarEvent:
            if not event.implicit[0]:
                return event.value  # quoted or block: text
            value = self.plain.get(event.value, self)
            return self.scalar(event.value) if value is self else value
        if depth > _LEAN_MAX_DEPTH:
            raise _Unusual
        get = self.loader.get_event
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            while True:
                item = get()
                if type(item) is yaml.SequenceEndEvent:
                    return items
                items.append(self.build(item, depth + 1))
        if kind is yaml.MappingStartEvent:
            out: dict[Any, Any] = {}
            while True:
                k = get()
                if type(k) is yaml.MappingEndEvent:
                    return out
                if type(k) is not yaml.ScalarEvent or k.tag is not None or k.anchor is not None:
                    raise _Unusual  # a container, tagged or anchored key
                if k.implicit[0]:
                    key = self.plain.get(k.value, self)
                    if key is self:
                        key = self.scalar(k.value)
                else:
                    key = k.value
                if key in out:
                    raise _Unusual  # written twice (or 1 and 1.0): the duplicate-key check decides
                out[key] = self.build(get(), depth + 1)
        raise _Unusual  # an alias

    def scalar(self, text: str) -> Any:
        """A plain scalar typed as the implicit resolvers say (remembered per text)."""
        tag = self.implicit_tag(text)
        if tag == _STR_TAG:
            value: Any = text
        elif tag == _FLOAT_TAG and not any(c in text for c in "_:nN"):
            value = float(text)  # what construct_yaml_float gives when there is no _, :, inf, nan
        elif tag in _SCALAR_TAGS:
            value = self.loader.yaml_constructors[tag](self.loader, yaml.ScalarNode(tag, text))
        else:
            raise _Unusual  # timestamp, merge key "<<", value key "="
        self.plain[text] = value
        return value

    def implicit_tag(self, text: str) -> str:
        """Resolver.resolve for a plain scalar."""
        for tag, regexp in self.resolvers.get(text[:1] if text else "", self.wildcard):
            if regexp.match(text):
                return str(tag)
        return _STR_TAG


_LeanLoader: Any = _CLoader  # the libyaml parser; its events are walked, never composed


def _mark(mark: Any) -> tuple[str, str]:
    line, col = mark.line + 1, mark.column + 1
    return f"baris {line}, kolom {col}", f"line {line}, column {col}"

