"""A feed upload as the curator's import page and POST /api/v1/imports send it: a file and two
fields, checked with one model so that both answer a bad upload the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field
from werkzeug.datastructures import FileStorage, MultiDict

from ..errors import ValidationError
from ..web.validation import from_query, summary, validate

MAX_PUBLISHER_LENGTH = 200
WHOLE_FEED = (
    "The file is everything this publisher lists: once its records are in, the publisher's services "
    "it leaves out are made inactive (never deleted; listed in the report). Nothing is withdrawn if "
    "more than half would go."
)


def _named(publisher: Any) -> Any:
    if publisher is None or (isinstance(publisher, str) and not publisher.strip()):
        raise ValueError("Enter who publishes this feed.")
    return publisher.strip() if isinstance(publisher, str) else publisher


class ImportFields(BaseModel):
    publisher: Annotated[str, BeforeValidator(_named)] = Field(
        None,
        validate_default=True,
        max_length=MAX_PUBLISHER_LENGTH,
        description="Who publishes the feed; its records are kept apart from other publishers'.",
    )
    whole_feed: bool = Field(False, description=WHOLE_FEED)


class ImportUpload(ImportFields):
    """The multipart form, as the OpenAPI document shows it."""

    file: bytes = Field(description="ORUK 3.0 / ORUK v1 JSON or CSV in the documented template.")


@dataclass(frozen=True)
class Upload:
    fields: ImportFields
    content: bytes
    filename: str


def read_upload(form: MultiDict, files: MultiDict[str, FileStorage]) -> Upload:
    """The upload, or a ValidationError naming every field that is wrong (the file among them)."""
    errors: dict[str, str] = {}
    fields = None
    try:
        fields = validate(ImportFields, from_query(ImportFields, form))
    except ValidationError as error:
        errors.update(error.fields)
    upload = files.get("file")
    if upload is None or not upload.filename:
        errors["file"] = "Choose a CSV or JSON file to import (the form field 'file')."
    if errors or fields is None or upload is None or not upload.filename:
        raise ValidationError(summary(errors), errors)
    return Upload(fields, upload.read(), upload.filename)
