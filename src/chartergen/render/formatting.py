"""The site's formatter: the same as the audit's, in :mod:`chartergen.i18n.formatting`."""

from __future__ import annotations

from chartergen.i18n.formatting import Formatter

__all__ = ["Formatter"]
