"""Content model of the Kennisbank voor ICT-coördinatoren.

Framework-free: page records in, findings and views out. The MkDocs hooks in
``hooks/`` and the ``kb`` command are thin adapters around this package.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
