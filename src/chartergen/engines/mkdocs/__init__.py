"""MkDocs with Material: the ``chartergen`` plugin, its page cache and pre-conversion,
and the ``mkdocs.yml`` settings the pages need."""
