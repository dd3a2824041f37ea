"""chartergen's MkDocs overrides (a Material ``custom_dir``), shipped as package data.

MkDocs never copies ``.py`` files into a site, so this marker stays out of it.
"""
