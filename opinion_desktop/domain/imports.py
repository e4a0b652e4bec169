"""The outcome of importing one file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REFUSED = "refused"


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    status: ImportStatus
    record_id: int | None = None
    pages: int = 0
    reason: str = ""
    #: Refused only because the PDF is encrypted: the GUI may ask for a password and retry.
    needs_password: bool = False
    #: Told once per import: how to make scanned pages searchable (Tesseract missing), or "".
    hint: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "status": self.status.value,
            "record_id": self.record_id,
            "pages": self.pages,
            "reason": self.reason,
        }
