"""The verification engine: claims, the runner, the ledger, the audit, derivations, numerics.

It knows nothing about the paper: the claims live in :mod:`sumrules.paper`, the
physics they compute in :mod:`sumrules.theory` and :mod:`sumrules.models`.
"""

__all__: list[str] = []
