"""Requests checked against their pydantic model, with a message per field a person can act on.

The model a view names in ``@spec`` is the one its OpenAPI document is generated from and the one
that refuses a bad request, whether the request came from a page's form or from the JSON API, so
the document and the checks cannot drift apart.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel, BeforeValidator
from pydantic import ValidationError as PydanticError
from pydantic_core import ErrorDetails
from werkzeug.datastructures import MultiDict

from matching.markup import plain_text

from ..errors import ValidationError
from ..vocabulary import DAYS
from .flags import parse_flag

Model = TypeVar("Model", bound=BaseModel)


def listed(value: Any) -> Any:
    """A list as a form or a program writes it: repeated fields, a list, or "a, b" in one box."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)):
        return [part.strip() if isinstance(part, str) else part for part in value if part != ""]
    return value


def semicolon_listed(value: Any) -> list[str]:
    """A list of words as a curator or a CSV cell writes it: a list, or "a; b" (commas belong to
    the words)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(part, str) for part in value):
        raise ValueError("Send a list of words, or words separated by ';'.")
    return [part.strip() for part in value if part.strip()]


def blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _prose(value: Any) -> Any:
    # A CSV exported from a web CMS carries its markup ("<p>", "&amp;"): keep the words.
    value = blank_to_none(value)
    return plain_text(value) if isinstance(value, str) else value


def _yes_no(value: Any) -> bool | None:
    if isinstance(value, str) and value.strip().lower() in ("unknown", "not known"):
        return None
    flag = parse_flag(value, default=None)
    if flag is None and blank_to_none(value) is not None:
        raise ValueError("Use yes, no, or leave empty if not known.")
    return flag


TextList = Annotated[list[str], BeforeValidator(semicolon_listed)]
Text = Annotated[str | None, BeforeValidator(blank_to_none)]
Prose = Annotated[str | None, BeforeValidator(_prose)]
YesNo = Annotated[bool | None, BeforeValidator(_yes_no)]


def _day_code(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


Day = Annotated[Literal[DAYS], BeforeValidator(_day_code)]  # type: ignore[valid-type]


class FieldErrors(ValueError):
    """Raised by a model's rule that compares fields: the problems keyed by the field to fix."""

    def __init__(self, fields: dict[str, str]):
        super().__init__("; ".join(fields.values()))
        self.fields = fields


def one_place(postcode: str | None, lat: float | None, lng: float | None) -> None:
    """The rule a search and a match share: a postcode or a point (both lat and lng), not both."""
    if postcode and (lat is not None or lng is not None):
        raise FieldErrors({"postcode": "Give a postcode or lat and lng, not both."})
    if (lat is None) != (lng is None):
        raise FieldErrors({"lat" if lat is None else "lng": "Give both lat and lng."})


def validate(model: type[Model], data: Any, *, context: dict | None = None) -> Model:
    """``data`` as ``model``, or a ValidationError naming every field that is wrong."""
    if not isinstance(data, dict):
        raise ValidationError("Send a JSON object.", {"body": "Expected a JSON object."})
    try:
        return model.model_validate(data, context=context)
    except PydanticError as error:
        fields = field_messages(model, error)
        raise ValidationError(summary(fields), fields) from None


def from_query(model: type[BaseModel], args: MultiDict) -> dict:
    """A query string or a form as the model's input: repeatable fields as lists, blanks left out
    (an empty box is not a value), names the model does not know kept so that it can refuse them."""
    data: dict[str, Any] = {}
    for name in args:
        field = model.model_fields.get(name)
        if field is not None and _is_list(field.annotation):
            values = [value for value in args.getlist(name) if value.strip()]
            if values:
                data[name] = values
        elif (args.get(name) or "").strip():
            data[name] = (args.get(name) or "").strip()
    return data


def summary(fields: dict[str, str]) -> str:
    return "1 detail is not valid." if len(fields) == 1 else f"{len(fields)} details are not valid."


def field_messages(model: type[BaseModel], error: PydanticError) -> dict[str, str]:
    """One message per field, keyed by the field's own name (a nested field by its last name, as
    forms are flat); the first problem of a field is the one reported."""
    fields: dict[str, str] = {}
    for item in error.errors():
        rule = (item.get("ctx") or {}).get("error")
        if isinstance(rule, FieldErrors):
            for field, message in rule.fields.items():
                fields.setdefault(field, message)
            continue
        names = [part for part in item["loc"] if isinstance(part, str)]
        fields.setdefault(names[-1] if names else "body", friendly(model, item))
    return fields


def friendly(model: type[BaseModel], item: ErrorDetails) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind == "missing":
        return "This is required."
    if kind == "extra_forbidden":
        return getattr(model, "UNKNOWN_FIELD", "This field is not known here.")
    if kind == "string_too_short":
        return f"Enter at least {ctx.get('min_length')} characters."
    if kind == "string_too_long":
        return f"Use at most {ctx.get('max_length')} characters."
    if kind in ("too_short", "too_long"):
        return f"Give from {_count(model, item, 'min_length', 0)} to {_count(model, item, 'max_length', '')} values."
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _range_message(model, item)
    if kind.startswith("int_"):
        return "Enter a whole number."
    if kind.startswith("float_") or kind == "finite_number":
        return "Enter a number."
    if kind.startswith("bool"):
        return "Use true or false."
    if kind.startswith("date"):
        return "Enter a date as YYYY-MM-DD."
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "")
        return f"Choose one of: {choices}."
    if kind == "string_type":
        return "Send text."
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        return "Not the right kind of value: see the API document."
    return str(item.get("msg", "Not valid.")).removeprefix("Value error, ")


def _field_metadata(model: type[BaseModel], loc: tuple) -> list:
    """The constraints declared on the field at ``loc``, looking through nested models."""
    current: Any = model
    metadata: list = []
    for part in loc:
        if not isinstance(part, str):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return metadata
        field = fields[part]
        metadata = list(field.metadata) + _nested_metadata(field.annotation)
        current = _model_in(field.annotation)
    return metadata


def _nested_metadata(annotation: Any) -> list:
    """Constraints of an Annotated type inside another (``Annotated[int, Field(ge=0)] | None``)."""
    found = list(getattr(annotation, "__metadata__", ()))
    for argument in get_args(annotation):
        found += _nested_metadata(argument)
    return [item for item in found if isinstance(item, (Ge, Gt, Le, Lt))] + [
        constraint for item in found for constraint in getattr(item, "metadata", ())
    ]


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) in (list, tuple, set):
        return True
    return any(_is_list(argument) for argument in get_args(annotation))


def _range_message(model: type[BaseModel], item: ErrorDetails) -> str:
    ctx = item.get("ctx") or {}
    low = ctx.get("ge", ctx.get("gt"))
    high = ctx.get("le", ctx.get("lt"))
    for constraint in _field_metadata(model, item["loc"]):
        if isinstance(constraint, (Ge, Gt)):
            low = constraint.ge if isinstance(constraint, Ge) else constraint.gt
        elif isinstance(constraint, (Le, Lt)):
            high = constraint.le if isinstance(constraint, Le) else constraint.lt
    if low is not None and high is not None:
        return f"Enter a number from {low:g} to {high:g}."
    if low is not None:
        return f"Enter a number of at least {low:g}."
    return f"Enter a number up to {high:g}." if high is not None else "Enter a number in range."


def _count(model: type[BaseModel], item: ErrorDetails, name: str, default: Any) -> Any:
    for constraint in _field_metadata(model, item["loc"]):
        if hasattr(constraint, name):
            return getattr(constraint, name)
    return (item.get("ctx") or {}).get(name, default)
