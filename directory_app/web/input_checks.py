"""Checks every piece of outside input passes before the domain sees it.

JSON bodies: a size limit (413), a nesting limit and finite numbers only (400), and no control or
bidirectional-override characters in any string (400 naming the field). Text fields of forms use
the same character check. A NUL breaks PostgreSQL text and an ESC or a right-to-left override
makes a listing display something other than what was stored, so they are refused, not cleaned.
"""

from __future__ import annotations

import json
import math
import re

from flask import current_app, request

from ..errors import DomainError, ValidationError

MAX_JSON_DEPTH = 20
DEFAULT_MAX_JSON_BYTES = 1024 * 1024
# C0 controls except tab, newline and carriage return (text areas send those), DEL, C1 controls,
# the Unicode embeddings, overrides and isolates that reorder how text is displayed, and lone
# surrogates (JSON can spell "\ud800", which no database can store as text).
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# In a path, a query string or a one-line field even tabs and newlines have no business.
FORBIDDEN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class TooLarge(DomainError, status=413, code="too_large"):
    pass


def character_problem(value: str, single_line: bool = False) -> str | None:
    """A sentence saying which forbidden character ``value`` holds, or None."""
    match = (FORBIDDEN_IN_LINE if single_line else FORBIDDEN_CHARACTERS).search(value)
    if match is None:
        return None
    return (
        f"Remove the invisible control character U+{ord(match.group()):04X}: "
        "control and text-direction characters are not accepted."
    )


def check_text_fields(data: dict, names=None) -> None:
    """Refuse (400) any string value of ``data`` holding a forbidden character, naming the field."""
    fields = {}
    for name, value in data.items():
        if names is not None and name not in names:
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            problem = character_problem(item) if isinstance(item, str) else None
            if problem:
                fields[name] = problem
                break
    if fields:
        raise ValidationError("Some text holds characters that are not accepted.", fields)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number too large")
    return value


def parse_json(raw: bytes | str, max_bytes: int | None = None):
    """Parse JSON from outside, or raise a DomainError (400/413) saying what is wrong with it."""
    limit = max_bytes or DEFAULT_MAX_JSON_BYTES
    if len(raw) > limit:
        raise TooLarge(
            f"The JSON body is too large: the limit is {limit // 1024} KB.",
            {"body": f"At most {limit // 1024} KB."},
        )
    try:
        data = json.loads(raw, parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:
        data = None
        too_deep = True
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError("The body is not valid JSON.", {"body": str(error)[:200]}) from None
    else:
        too_deep = False
    if too_deep or _depth_exceeds(data, MAX_JSON_DEPTH):
        raise ValidationError(
            f"The JSON is nested too deeply: at most {MAX_JSON_DEPTH} levels.",
            {"body": f"At most {MAX_JSON_DEPTH} levels of nesting."},
        )
    fields: dict[str, str] = {}
    _check_values(data, "", fields)
    if fields:
        raise ValidationError("Some values are not accepted.", fields)
    return data


def _depth_exceeds(data, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False


def _check_values(value, path: str, fields: dict) -> None:
    if len(fields) >= 10:
        return
    if isinstance(value, str):
        problem = character_problem(value)
        if problem:
            fields[path or "body"] = problem
    elif isinstance(value, dict):
        for key, child in value.items():
            child_path = f"{path}.{key}" if path else str(key)
            if character_problem(str(key), single_line=True):
                fields[path or "body"] = "A field name holds a control character."
                continue
            _check_values(child, child_path, fields)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _check_values(child, f"{path}[{index}]" if path else f"[{index}]", fields)


def request_json():
    """The current request's JSON, checked as ``parse_json`` does; None when there is no body."""
    raw = request.get_data(cache=True)
    if not raw:
        return None
    return parse_json(raw, current_app.config.get("JSON_MAX_BYTES"))


def refuse_control_characters_in_url():
    """A NUL or control character in a path or query string is never meant; refuse it early (400),
    before it reaches a database driver that would fail on it."""
    problem = character_problem(request.path, single_line=True)
    if problem:
        raise ValidationError("The address holds a control character.", {"path": problem})
    for name, value in request.args.items(multi=True):
        problem = character_problem(name, single_line=True) or character_problem(value, single_line=True)
        if problem:
            raise ValidationError("A query parameter holds a control character.", {name[:40]: problem})


def refuse_control_characters_in_forms():
    """The same character check for every HTML form post, so no page can store an ESC or a NUL."""
    if request.method in ("GET", "HEAD", "OPTIONS") or not request.form:
        return
    check_text_fields({name: request.form.getlist(name) for name in request.form})
