"""Test helpers (not part of the runtime package)."""
