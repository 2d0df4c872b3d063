"""The MkDocs side of the knowledge base: what must know MkDocs' objects and internals.

The content model (``kb``) knows no MkDocs. The hooks in ``hooks/`` are thin adapters;
what reaches into MkDocs internals (the parallel build, the titles of the navigation)
lives here, behind one version guard (``guard``).
"""
