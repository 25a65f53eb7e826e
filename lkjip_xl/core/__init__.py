"""The domain core: the model, the rules (domain/), the measurement, findings and number text.

No workbook in sight: every module here is pure Python over the model's objects.
"""
