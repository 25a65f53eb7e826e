"""Reading and writing .xlsx safely: the guard, the streaming reader and its grid, A1 references,
the comparison rule for cell values, the fast sheet writer, atomic output and safe text."""
