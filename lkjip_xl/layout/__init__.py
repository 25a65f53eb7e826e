"""The declarative workbook layout: `sheets` declares, `model` holds the types and rendering."""

from .model import Column, FormField, Sheet, SummaryCell, Table, col_letter, quote_sheet, render
from .sheets import SCHEMA_VERSION, SHEETS, TABLES, sheet

__all__ = ["Column", "FormField", "Sheet", "SummaryCell", "Table", "col_letter", "quote_sheet",
           "render", "SCHEMA_VERSION", "SHEETS", "TABLES", "sheet"]
