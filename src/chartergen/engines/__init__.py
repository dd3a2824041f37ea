"""The site engines: each turns chartergen's rendered pages into a built site.

One package per engine (``engines/mkdocs``); nothing outside an engine's package
imports that engine (``tests/test_imports.py`` keeps it so).
"""
