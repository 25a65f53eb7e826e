"""Golden outputs: what `new`, `measure`, `rekap`, `verify --annotate` and `laporan` write for the
samples, kept as normalised parts under `tests/golden/outputs/` (`commands.py` makes them,
`parts.py` normalises, stores and compares them). `tests/test_golden.py` holds every output equal
to its committed parts; a deliberate change is rewritten with `python -m tests.golden --update`
and reviewed as a diff. `layout.json` beside this file is the layout snapshot (schema/snapshot.py).
"""
