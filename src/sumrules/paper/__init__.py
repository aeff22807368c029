"""The paper's claims, one module per part of its argument.

Importing a module registers its claims with :func:`sumrules.ledger.claim`;
:func:`sumrules.ledger.all_claims` imports them all.
"""

__all__: list[str] = []
