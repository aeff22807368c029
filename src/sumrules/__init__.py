"""sumrules: verify Voloshin, PRL 105, 201801 (2010), equation by equation."""

__all__: list[str] = []
__version__ = "0.1.0"
