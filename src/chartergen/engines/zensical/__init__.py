"""Zensical: builds the Markdown pages and ``mkdocs.yml`` that ``render/`` writes out."""
