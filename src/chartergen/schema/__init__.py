"""The charter format: its schema, and validation of loaded documents against it."""

from __future__ import annotations

from chartergen.errors import Diagnostic, cap_per_kind
from chartergen.loader import Document


def validate(document: Document) -> list[Diagnostic]:
    """Every structural, type and cross-reference problem of one loaded charter."""
    from chartergen.schema.crossref import crossref_errors, walk
    from chartergen.schema.internal import internal_path_errors
    from chartergen.schema.source import source_warnings
    from chartergen.schema.structure import structure_errors
    from chartergen.schema.text import link_scheme_errors

    fields = list(walk(document.data))  # every field present, once for all the checks
    return cap_per_kind(_slug_errors(document) + structure_errors(document)
                        + crossref_errors(document, fields)
                        + link_scheme_errors(document, fields)
                        + internal_path_errors(document, fields)
                        + source_warnings(document, fields))


def _slug_errors(document: Document) -> list[Diagnostic]:
    import re

    from chartergen.errors import Severity
    from chartergen.messages import Msg
    from chartergen.schema.fields import ID_PATTERN

    if re.match(ID_PATTERN, document.slug):
        return []
    return [Diagnostic(
        document.path, 1, 1, Severity.ERROR,
        Msg("the file name '{slug}' is also the charter's address on the site; rename the "
            "file with lowercase letters, digits and hyphens, e.g. acme-france.yaml",
            slug=document.slug),
        code="slug",
    )]
