"""The package's shape, read from its source: folders are layers, every import points down (or
sideways within a layer), no two modules import each other, and imports inside functions are
kept for what must load late (third-party libraries that are heavy or optional, the commands the
CLI loads only when run, and the package's own lazy attributes)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lkjip_xl"

# lower layers first; a module may import its own layer or any below it
LAYERS: list[set[str]] = [
    {"core", "catalogue"},
    {"xlsx"},
    {"schema", "dataformat", "audit", "engines"},
    {"workbook"},
    {"verify", "measure"},
    {"laporan", "planning"},
    {"cli", "__init__", "__main__"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}
LATE_OK = ("lkjip_xl/cli/", "lkjip_xl/__init__.py")  # start-up time: `--help` loads no command
# packages some callers need only sometimes, and that are heavy to load (measured with
# `python -X importtime`): loaded where used
LATE_TARGETS = {
    "lkjip_xl.measure": "xlsxwriter (20 ms): verify needs it only for a measured workbook",
    "lkjip_xl.engines": "a LibreOffice process or the formulas package: the second opinion",
    "lkjip_xl.catalogue.": "the finding table (~10 ms): loaded when a first message is rendered",
}


def _modules() -> dict[str, Path]:
    out = {}
    for p in PACKAGE.rglob("*.py"):
        parts = list(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _imports(path: Path, modules: dict[str, Path]) -> tuple[set[str], list[str], set[str]]:
    """(lkjip_xl modules imported at module level, lkjip_xl imports made inside functions, those
    imported only for the type checker: under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(x) for n in ast.walk(tree)
                   if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)
                   for x in ast.walk(n)}
    in_function = {id(x) for fn in ast.walk(tree)
                   if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for x in ast.walk(fn)}
    top: set[str] = set()
    late: list[str] = []
    typing: set[str] = set()
    for n in ast.walk(tree):
        if not isinstance(n, (ast.Import, ast.ImportFrom)):
            continue
        assert not (isinstance(n, ast.ImportFrom) and n.level), f"{path}: relative import"
        names = ([a.name for a in n.names] if isinstance(n, ast.Import) else
                 [f"{n.module}.{a.name}" if f"{n.module}.{a.name}" in modules else n.module
                  for a in n.names])
        targets = {t for t in names if t and t.startswith("lkjip_xl")}
        if id(n) in typing_only:
            typing |= targets
        elif id(n) in in_function:
            late.extend(sorted(targets))
        else:
            top |= targets
    return top, late, typing


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_imports_point_down_and_never_in_a_circle() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    wrong: list[str] = []
    for name, path in modules.items():
        # an import only the type checker makes still ties the two modules together (mypy
        # loads both, and neither can be understood alone): it counts here like any other
        top, late, typing = _imports(path, modules)
        graph[name] = {t for t in top | set(late) | typing if t in modules and t != name}
        for t in graph[name]:
            if RANK[_layer(t)] > RANK[_layer(name)]:
                wrong.append(f"{name} -> {t}")
    assert not wrong, "imports pointing up a layer:\n" + "\n".join(sorted(wrong))
    # a module's own package is imported with it, so a package __init__ importing its own
    # submodules is no circle; anything else reaching back is
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        seen[m] = 1
        stack.append(m)
        for t in graph[m]:
            if seen.get(t) == 1:
                cycle = stack[stack.index(t):] + [t]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if t not in seen:
                visit(t)
        stack.pop()
        seen[m] = 2

    for m in sorted(modules):
        if m not in seen:
            visit(m)


def test_imports_inside_functions_only_where_loading_late_is_the_point() -> None:
    modules = _modules()
    late_internal = []
    for path in modules.values():
        _top, late, _typing = _imports(path, modules)
        rel = path.relative_to(PACKAGE.parent).as_posix()
        late = [t for t in late if not t.startswith(tuple(LATE_TARGETS))]
        if late and not rel.startswith(LATE_OK):
            late_internal.append(f"{rel}: {', '.join(late)}")
    assert not late_internal, "lkjip_xl imports inside functions:\n" + "\n".join(late_internal)


def test_every_folder_is_a_declared_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders <= set(RANK), folders - set(RANK)
    loose = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert not loose, f"modules outside the layers: {sorted(loose)}"


# table keys named as literals outside schema/ (`"IK"`, `"KG"`, `"PKK"` ...): 119 before the
# schema declared the entity tree (#23), 7 after: the catalogue's and a docstring's example text
# ('PK'!C5) and the Narasi check's label "SDM". A module reaches a table by walking the
# declarations (`workbook.tree`) or, where it owns one table, through its declared `Table`.
TABLE_KEY_LITERALS = 7


def test_table_keys_are_named_in_the_schema_only() -> None:
    schema = PACKAGE / "schema"
    keys: set[str] = set()
    for p in schema.glob("*.py"):
        keys |= set(re.findall(r'\bTable\(\s*"([A-Z]+)"', p.read_text(encoding="utf-8")))
    assert {"IK", "KG", "PKK", "SS"} <= keys  # the count below reads the real declarations
    alternatives = "|".join(sorted(keys, key=len, reverse=True))
    quoted = re.compile(r"""["'](""" + alternatives + r""")["']""")
    found = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
             if schema not in p.parents and (n := len(quoted.findall(p.read_text(encoding="utf-8"))))}
    assert sum(found.values()) <= TABLE_KEY_LITERALS, found


def _third_party_imports(path: Path) -> set[str]:
    """Top-level names of everything a module imports, wherever the import stands."""
    out: set[str] = set()
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Import):
            out |= {a.name.split(".")[0] for a in n.names}
        elif isinstance(n, ast.ImportFrom) and n.module and not n.level:
            out.add(n.module.split(".")[0])
    return out


def test_only_the_command_line_imports_click() -> None:
    # the library is called by scripts, workers and tests too: it returns results and raises
    # core.errors, and what a terminal needs (echo, usage errors) belongs to cli/
    wrong = sorted(path.relative_to(PACKAGE.parent).as_posix()
                   for name, path in _modules().items()
                   if _layer(name) not in ("cli", "__main__") and "click" in _third_party_imports(path))
    assert not wrong, "click imported outside cli/: " + ", ".join(wrong)


def _private_imports(path: Path) -> list[str]:
    """`from lkjip_xl.x import _y` and `x._y` on an imported lkjip_xl module, as `x._y`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    modules: set[str] = set()  # local names bound to lkjip_xl modules or their members
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("lkjip_xl"):
            for a in n.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    found.append(f"{n.module}.{a.name}")
                modules.add(a.asname or a.name)
        elif isinstance(n, ast.Import):
            modules |= {a.asname or a.name.split(".")[0] for a in n.names
                        if a.name.startswith("lkjip_xl")}
    for n in ast.walk(tree):
        if (isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                and n.value.id in modules and n.attr.startswith("_")
                and not n.attr.startswith("__")):
            found.append(f"{n.value.id}.{n.attr}")
    return found


def test_no_private_name_is_imported_across_modules() -> None:
    # a leading underscore says "only this module uses it": a name another module needs is
    # public (and in __all__), so a change to it is seen as a change to an interface
    wrong = [f"{path.relative_to(PACKAGE.parent).as_posix()}: {name}"
             for path in _modules().values() for name in _private_imports(path)]
    assert not wrong, "private names used across modules:\n" + "\n".join(sorted(wrong))
