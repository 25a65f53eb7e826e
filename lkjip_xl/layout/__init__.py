"""The declarative workbook layout: `sheets` declares, `model` holds the types and rendering."""

from lkjip_xl.layout.model import (
           Column,
           FormField,
           Sheet,
           SummaryCell,
           Table,
           col_letter,
           quote_sheet,
           render,
)
from lkjip_xl.layout.sheets import SCHEMA_VERSION, SHEETS, TABLES, sheet

__all__ = ["Column", "FormField", "Sheet", "SummaryCell", "Table", "col_letter", "quote_sheet",
           "render", "SCHEMA_VERSION", "SHEETS", "TABLES", "sheet"]
