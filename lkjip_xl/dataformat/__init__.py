"""Read and write the lkjip-xl data interchange format, version 1 (docs/data-format.md).

One agency's year as YAML or JSON <-> `model.Dokumen`. Reading is strict: the structure is checked
against the JSON Schema shipped in `lkjip_xl/data/lkjip-xl-1.schema.json`, then a few checks the
schema cannot express (unique codes, references, ranges). Every problem, in document order,
becomes a `DataFormatError` with one line in Bahasa Indonesia and one in English that names the
path: `sasaran[1].indikator[0].target: harus angka, ditemukan "0,5%"`.

Writing is canonical (`to_dict`): keys in the order of the spec, unknown / empty optional keys left
out, so that `to_dict(load(f)) == yaml.safe_load(f)` holds for every canonical file.

The package is split by job: `reading` (load within limits), `lean_yaml` (YAML text to data),
`validation` and `messages` (the schema and the checks beyond it, and their lines), `convert`
(data <-> model), `dump` and `yaml_emit` (the canonical text), `schema_check` (the compiled
yes/no check).
"""

from __future__ import annotations

from lkjip_xl.dataformat.convert import from_dict, to_dict
from lkjip_xl.dataformat.dump import dump, dumps
from lkjip_xl.dataformat.limits import MAX_BYTES, MAX_NODES, MAX_PROBLEMS
from lkjip_xl.dataformat.reading import ambiguous_decimals, load, loads, parse
from lkjip_xl.dataformat.validation import SCHEMA_RESOURCE, schema, validate

__all__ = [
    "MAX_BYTES",
    "MAX_NODES",
    "MAX_PROBLEMS",
    "SCHEMA_RESOURCE",
    "ambiguous_decimals",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "parse",
    "schema",
    "to_dict",
    "validate",
]
