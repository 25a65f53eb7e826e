"""The planning unit (Bappeda) at scale: templates, carry-over, many workbooks, batch checks, rekap.

- `templates`: the unit's workbook template (workbook_templates/*.yaml).
- `carry`: next year's document from last year's workbook.
- `roster`, `batch_new`: one workbook per agency from a list or a folder.
- `batch`: `verify_many(paths, jobs)`; `summary`: the batch's summary table (text/JSON/CSV).
- `rekap`: the consolidation workbook of a whole region.
"""
