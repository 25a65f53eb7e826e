"""The declarative workbook layout: `sheets` declares, `model` holds the types and rendering."""

from lkjip_xl.schema.sheets import SCHEMA_VERSION, SHEETS, TABLES, sheet
from lkjip_xl.schema.types import (
           Column,
           FormField,
           Sheet,
           SummaryCell,
           Table,
           col_letter,
           quote_sheet,
           render,
)

__all__ = ["Column", "FormField", "Sheet", "SummaryCell", "Table", "col_letter", "quote_sheet",
           "render", "SCHEMA_VERSION", "SHEETS", "TABLES", "sheet"]
