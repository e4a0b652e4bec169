"""Lab values for the GUI and chart tests, stored in a real case file with their records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from opinion_desktop.domain.labs import LabFlag, LabValue
from opinion_desktop.domain.opinions import OpinionFields, OpinionType
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile

#: CA 15-3 falling from 34 to 19 over six months; normal range 0–31 U/mL.
CA153 = [
    (dt.date(2026, 1, 15), 34.0, LabFlag.HIGH),
    (dt.date(2026, 2, 16), 33.0, LabFlag.HIGH),
    (dt.date(2026, 3, 16), 28.0, LabFlag.NORMAL),
    (dt.date(2026, 4, 15), 25.0, LabFlag.NORMAL),
    (dt.date(2026, 5, 15), 22.0, LabFlag.NORMAL),
    (dt.date(2026, 7, 15), 19.0, LabFlag.NORMAL),
]
SECOND_OPINION = dt.date(2026, 2, 20)
SURGERY = dt.date(2026, 3, 2)


@dataclass(frozen=True)
class LabCase:
    panel_record: int  # the record holding the hemoglobin and the urine colour
    ca153_records: tuple[int, ...]
    surgery_record: int


def _document(name: str) -> NewDocument:
    text = f"Lab results: {name}"
    return NewDocument(f"{name}.csv", "text/csv", text.encode(), (PageText(1, text),))


def fill_labs(case: CaseFile, second_unit: bool = False) -> LabCase:
    """Store the sample values; ``second_unit`` adds CA 15-3 values in kU/L as well."""
    ca_records = []
    for when, number, flag in CA153:
        value = LabValue(
            "CA 15-3", "6875-9", number, unit="U/mL", ref_low=0, ref_high=31, flag=flag,
            collected_at=when, performing_lab="City Lab",
        )  # fmt: skip
        record, _ = case.labs.add_record_with_values(
            RecordFields(kind=RecordKind.LAB, title=f"CA 15-3 {when}", date_of_service=when),
            [_document(f"ca153-{when}")],
            [value],
        )
        ca_records.append(record.id)
    panel, _ = case.labs.add_record_with_values(
        RecordFields(kind=RecordKind.LAB, title="Blood count", date_of_service=dt.date(2026, 2, 2)),
        [_document("panel")],
        [
            LabValue("Hemoglobin", "718-7", 11.2, unit="g/dL", ref_low=12.0, ref_high=15.5,
                     flag=LabFlag.LOW, collected_at=dt.datetime(2026, 2, 2, 9, 15),
                     performing_lab="City Lab"),
            LabValue("Urine colour", value_text="Amber", ref_text="Yellow",
                     collected_at=dt.date(2026, 2, 2), performing_lab="City Lab"),
        ],
    )  # fmt: skip
    if second_unit:
        for when, number in ((dt.date(2026, 5, 20), 21.0), (dt.date(2026, 6, 20), 20.0)):
            case.labs.add_record_with_values(
                RecordFields(kind=RecordKind.LAB, title=f"CA 15-3 abroad {when}"),
                [_document(f"abroad-{when}")],
                [LabValue("CA 15-3", "6875-9", number, unit="kU/L", ref_high=30,
                          flag=LabFlag.NORMAL, collected_at=when)],
            )  # fmt: skip
    surgery = case.records.add(
        RecordFields(kind=RecordKind.OPERATIVE, title="Lumpectomy", date_of_service=SURGERY)
    )
    case.opinions.add(
        OpinionFields(clinician="Dr. Marsh", date=SECOND_OPINION, opinion_type=OpinionType.SECOND)
    )
    return LabCase(panel.id, tuple(ca_records), surgery.id)
