"""Council return templates: the bundled ones and the copies the user edited (kept in the book)."""

from __future__ import annotations

import re

from sqlalchemy import select

from pa_manager.domain.errors import DomainError
from pa_manager.domain.returns.template import (
    GENERIC,
    ReturnTemplate,
    builtin_templates,
    dump_json,
    parse_json,
)
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models_returns import ReturnTemplateRow


def all_templates(book: Book) -> list[ReturnTemplate]:
    """The bundled templates, then the user's own, each group by name."""
    with book.read() as s:
        rows = list(s.scalars(select(ReturnTemplateRow).order_by(ReturnTemplateRow.name)))
        own = [parse_json(r.body) for r in rows]
    return [*builtin_templates(), *own]


def get_template(book: Book, key: str | None = None) -> ReturnTemplate:
    """The template with this short name (or its name), the generic one when none is given."""
    wanted = (key or GENERIC).strip().lower()
    templates = all_templates(book)
    for t in templates:
        if wanted in (t.key, t.name.lower()):
            return t
    names = ", ".join(t.key for t in templates)
    raise BookError(f"There is no return template called “{key}”. The templates are: {names}.")


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:56]
    return slug or "my-template"


def copy_template(book: Book, key: str, name: str) -> ReturnTemplate:
    """Copy a template under a new name and save the copy; returns it."""
    if not name.strip():
        raise BookError("Give the copy a name.")
    taken = {t.key for t in all_templates(book)}
    slug, n = _slug(name), 2
    candidate = slug
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    copy = get_template(book, key).copy_as(candidate, name.strip())
    save_template(book, copy)
    return copy


def save_template(book: Book, template: ReturnTemplate) -> None:
    """Add or replace the user's template with this key; bundled templates cannot be changed."""
    if template.key in {t.key for t in builtin_templates()}:
        raise BookError("The templates that come with PA Manager cannot be changed; make a copy first.")
    try:
        body = dump_json(template)
        parse_json(body)  # what is saved must read back
    except DomainError as err:
        raise BookError(str(err)) from None
    with book.write() as s:
        row = s.scalars(select(ReturnTemplateRow).where(ReturnTemplateRow.key == template.key)).first()
        if row is None:
            s.add(
                ReturnTemplateRow(key=template.key, name=template.name, based_on=template.based_on, body=body)
            )
        else:
            row.name, row.based_on, row.body = template.name, template.based_on, body


def delete_template(book: Book, key: str) -> None:
    with book.write() as s:
        row = s.scalars(select(ReturnTemplateRow).where(ReturnTemplateRow.key == key)).first()
        if row is None:
            raise BookError("Only your own copies can be deleted, and that is not one of them.")
        s.delete(row)
