"""Writing charters: the starter charter of ``init`` and the canonical layout of ``fmt``.

Everything here writes files atomically (:mod:`chartergen.edit.atomic`), so an
interrupted command never leaves a half-written charter behind.
"""
