"""Messages people read, in the charter's language.

A message is written in English where it is raised, as :class:`Msg` (a ``str``
holding the English text, so code that only needs English never notices), and keeps
its template and values so that an edge can say it in another language:
``Msg("'{field}' is missing", field="name").say("fr")``. The English template is
the key of each other language's catalogue (``i18n/messages/<language>.yaml``), so
adding a language is adding one catalogue (and the label catalogues of ``i18n/``).

A catalogue is read only when a message is said in its language: a valid charter,
or an English one, never loads one (validation start-up stays as fast in French).

Which language: a message about one charter follows the charter's
``company.language``; any other follows ``--lang``, then the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``), then English (:func:`default_language`).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

ENGLISH = "en"
_CATALOGUES = Path(__file__).parent / "i18n" / "messages"
_chosen: str | None = None


class Msg(str):
    """English text that can say itself in another language (see the module's text)."""

    template: str
    values: dict[str, Any]
    trim: str
    forms: tuple[str, str]
    """A plural's two English templates (see :func:`plural`)."""

    def __new__(cls, template: str, /, **values: Any) -> Msg:
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = values
        return self

    def say(self, language: str) -> str:
        """The message in ``language`` (English when it has no translation)."""
        if language == ENGLISH or not hasattr(self, "template"):
            return str(self)
        english = self.template
        forms = getattr(self, "forms", None)
        if forms is not None:  # a plural: the form this language uses for the count
            english = forms[0] if _SINGULAR.get(language, _one)(self.values["count"]) \
                else forms[1]
        template = catalogue(language).get(english, english)
        values = {name: say(value, language) for name, value in self.values.items()}
        said = template.format(**values)
        return said.strip(self.trim) if getattr(self, "trim", None) else said


def trimmed(text: str, chars: str = "; ()") -> str:
    """``text`` without the leading and trailing ``chars``, in every language: the
    hint ``"; did you mean 'name'?"`` of a message, said on its own."""
    if not isinstance(text, Msg):
        return text.strip(chars)
    out = str.__new__(Msg, str(text).strip(chars))
    out.template, out.values, out.trim = text.template, text.values, chars
    return out


def say(text: Any, language: str) -> Any:
    """``text`` in ``language`` if it is a :class:`Msg`, else unchanged."""
    return text.say(language) if isinstance(text, Msg) else text


def languages() -> tuple[str, ...]:
    """English and every language with a message catalogue."""
    return (ENGLISH, *sorted(p.stem for p in _CATALOGUES.glob("*.yaml")))


@cache
def catalogue(language: str) -> dict[str, str]:
    """English template -> template in ``language``; empty when there is none."""
    path = _CATALOGUES / f"{language}.yaml"
    if language == ENGLISH or not path.is_file():
        return {}
    from ruamel.yaml import YAML

    loaded = YAML(typ="safe").load(path.read_text("utf-8"))
    return dict(loaded or {})


def choose_language(language: str | None) -> None:
    """Set the language of messages not tied to a charter (``--lang``)."""
    global _chosen
    _chosen = language


def default_language() -> str:
    """``--lang``, else the locale's language when there are messages in it, else English."""
    if _chosen:
        return _chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in languages() else ENGLISH
    return ENGLISH


def usable(language: Any) -> str | None:
    """``language`` if messages can be said in it, else None."""
    return language if isinstance(language, str) and language in languages() else None


_LANGUAGE_LINE = re.compile(r"^\s+language:\s*[\"']?([a-z]{2})\b", re.MULTILINE)


def language_of(data: Any, text: str = "") -> str:
    """The language to speak about a charter: its ``company.language``, found in the loaded
    data or, when the file did not load, in its text; else :func:`default_language`."""
    if isinstance(data, dict) and isinstance(data.get("company"), dict):
        found = usable(data["company"].get("language"))
        if found:
            return found
    elif text:
        match = _LANGUAGE_LINE.search(text)
        if match and usable(match.group(1)):
            return match.group(1)
    return default_language()


def plural(count: int, one: str, other: str, **values: Any) -> Msg:
    """``one`` or ``other`` by ``count`` (``{count}`` is filled in), by the rule of the
    language the message is said in: "0 warnings", but "0 avertissement"."""
    message = Msg(one if _one(count) else other, count=count, **values)
    message.forms = (one, other)
    return message


def _one(count: int) -> bool:
    return count == 1


_SINGULAR = {"fr": lambda count: count in (0, 1)}
"""The counts that take the singular, by language (English and the others: 1 only)."""
