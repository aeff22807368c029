"""Reference data with their sources: physical constants, unit conversions, X-ray tables.

Every number carries its value, unit and source (:class:`~sumrules.data.constants.Constant`);
the X-ray tables (:mod:`~sumrules.data.xray`, used for Eq. (13) by
:mod:`~sumrules.data.germanium`) carry a :class:`~sumrules.data.xray.Provenance`. Where the
data come from and under which licences: ``README.md`` beside this file.
"""

__all__: list[str] = []
