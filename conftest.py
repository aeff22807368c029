"""Root pytest configuration: skip the certified modules' doctests when the flint extra is absent."""

try:
    import flint  # noqa: F401
except ImportError:
    collect_ignore_glob = ["src/sumrules/certified*.py"]
