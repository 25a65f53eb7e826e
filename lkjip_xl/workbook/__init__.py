"""The workbook as a view of the schema: binding cells to the model, the values every cell
should hold, writing a workbook and reading one back."""
