"""Export presets per recipient, remembered in QSettings (never a password).

A preset keeps what the export dialog decides for one recipient: the records chosen (all, by kind,
by date range, or by hand), the order and the packet options. Hand-picked records are only
meaningful inside the case they were picked in, so the preset remembers that case's path and
offers its record ids only there.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from PySide6.QtCore import QSettings

_KEY = "export/presets"


class SelectionMode(StrEnum):
    ALL = "all"
    KINDS = "kinds"
    DATES = "dates"
    PICKED = "picked"


@dataclass(frozen=True)
class ExportPreset:
    recipient_name: str
    recipient_institution: str = ""
    mode: SelectionMode = SelectionMode.ALL
    kinds: tuple[str, ...] = ()
    date_from: str | None = None  # ISO dates
    date_to: str | None = None
    record_ids: tuple[int, ...] = ()
    case_path: str = ""  # the case the record ids belong to
    order: str = "kind"
    stamp: bool = True
    bates_prefix: str = ""
    watermark: bool = False
    on_failure: str = "stop"
    reason: str = ""
    questions: tuple[str, ...] = field(default_factory=tuple)
    archive: bool = False

    @property
    def key(self) -> str:
        """The name the preset is listed under: "Dr. Priya Mehta, Northfield …"."""
        parts = (self.recipient_name.strip(), self.recipient_institution.strip())
        return ", ".join(p for p in parts if p)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["mode"] = self.mode.value
        data["kinds"] = list(self.kinds)
        data["record_ids"] = list(self.record_ids)
        data["questions"] = list(self.questions)
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ExportPreset | None:
        """A preset from saved settings; ``None`` when the saved value is not one."""
        try:
            mode = SelectionMode(str(data.get("mode", "all")))
            return cls(
                recipient_name=str(data.get("recipient_name", "")),
                recipient_institution=str(data.get("recipient_institution", "")),
                mode=mode,
                kinds=tuple(str(k) for k in _list(data.get("kinds"))),
                date_from=_text_or_none(data.get("date_from")),
                date_to=_text_or_none(data.get("date_to")),
                record_ids=tuple(int(str(i)) for i in _list(data.get("record_ids"))),
                case_path=str(data.get("case_path", "")),
                order=str(data.get("order", "kind")),
                stamp=bool(data.get("stamp", True)),
                bates_prefix=str(data.get("bates_prefix", "")),
                watermark=bool(data.get("watermark", False)),
                on_failure=str(data.get("on_failure", "stop")),
                reason=str(data.get("reason", "")),
                questions=tuple(str(q) for q in _list(data.get("questions"))),
                archive=bool(data.get("archive", False)),
            )
        except (TypeError, ValueError):
            return None


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _text_or_none(value: object) -> str | None:
    return str(value) if value else None


def load_presets(settings: QSettings | None = None) -> dict[str, ExportPreset]:
    """Saved presets by their key, sorted by key; a damaged setting reads as no presets."""
    raw = (settings or QSettings()).value(_KEY, "")
    try:
        loaded = json.loads(str(raw)) if raw else []
    except ValueError:
        return {}
    presets = (ExportPreset.from_json(item) for item in _list(loaded) if isinstance(item, dict))
    found = {p.key: p for p in presets if p is not None and p.key}
    return dict(sorted(found.items(), key=lambda kv: kv[0].lower()))


def _store(presets: dict[str, ExportPreset], settings: QSettings) -> None:
    settings.setValue(_KEY, json.dumps([p.to_json() for p in presets.values()]))
    settings.sync()


def save_preset(preset: ExportPreset, settings: QSettings | None = None) -> None:
    """Save (or replace) the preset of ``preset.key``."""
    settings = settings or QSettings()
    presets = load_presets(settings)
    presets[preset.key] = preset
    _store(presets, settings)


def delete_preset(key: str, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    presets = load_presets(settings)
    if presets.pop(key, None) is not None:
        _store(presets, settings)
