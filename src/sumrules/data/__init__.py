"""Reference data with their sources: physical constants, unit conversions (and X-ray tables).

Every number carries its value, unit and source (:class:`~sumrules.data.constants.Constant`).
"""

__all__: list[str] = []
