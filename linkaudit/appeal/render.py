"""Render a draft with the built-in Jinja2 template or the seller's own (--template FILE).

The environment is sandboxed and strict: data (store names, values, file names) reaches the
template only as variables, never as template source, so `{{ ... }}` inside a value is just
text. Autoescape is off because the output is Markdown, not HTML; values are made safe for
Markdown when the draft is built (linkaudit.appeal.text).
"""

import re
from importlib import resources
from pathlib import Path

import yaml
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from linkaudit.appeal.model import Draft
from linkaudit.appeal.text import code, plain
from linkaudit.errors import InputError

BUILT_IN = "appeal.en.md.j2"
NOTES = "appeal.notes.yaml"


def _resource(name: str) -> str:
    return (resources.files("linkaudit.appeal") / "templates" / name).read_text(encoding="utf-8")


def notes(lang: str) -> dict[str, str]:
    """The guidance notes for the seller in `lang` (zh or en), by section key."""
    data = yaml.safe_load(_resource(NOTES))
    return {key: str(texts.get(lang) or texts["en"]).strip() for key, texts in data.items()}


def template_source(path: Path | None) -> tuple[str, str]:
    """The template's name and source: the built-in one, or the user's file."""
    if path is None:
        return BUILT_IN, _resource(BUILT_IN)
    try:
        return str(path), path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(
            f"cannot read template {path}: {reason}", "pass a UTF-8 Jinja2 file"
        ) from exc


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        autoescape=False,  # Markdown output; see the module docstring
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Raw data (names, paths, numbers) is made Markdown-safe in the template with these.
    env.filters["md"] = plain
    env.filters["code"] = code
    return env


def render(draft: Draft, template: Path | None = None) -> str:
    """The Markdown draft; InputError names the template and line on any template error."""
    name, source = template_source(template)
    try:
        compiled = _environment().from_string(source)
        text = compiled.render(draft=draft, notes=draft.notes, lang=draft.lang)
    except TemplateSyntaxError as exc:
        raise InputError(f"template {name} line {exc.lineno}: {exc.message}") from exc
    except TemplateError as exc:
        raise InputError(f"template {name}: {exc.message or type(exc).__name__}") from exc
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
