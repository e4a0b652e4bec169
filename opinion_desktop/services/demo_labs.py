"""The demo patient's own spreadsheet of lab values (fictional), read by the real CSV reader.

Maria keeps her tumour markers and blood counts in a spreadsheet: CA 15-3 falls from 34 (above
the range) to 19 U/mL over six months, CEA from 3.4 to 1.7 ng/mL, and her haemoglobin climbs back
into the range. Its values give the Lab results page and the packet's trend charts something
to show. The two February values agree with the laboratory reports of the demo.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from opinion_desktop.domain.errors import CaseFileError
from opinion_desktop.domain.imports import ImportStatus
from opinion_desktop.services.demo_documents import COMMUNITY, UNIVERSITY
from opinion_desktop.services.portal.csv_labs import read_lab_csv
from opinion_desktop.services.portal.dispatch import store_portal
from opinion_desktop.storage.casefile import CaseFile

LAB_TRACKER_FILENAME = "Maria_Example_lab_values_2026.csv"
LAB_TRACKER_TITLE = "My tumour markers and blood counts (spreadsheet)"

#: (date, lab) of each draw, then the value of each test at those draws.
_DRAWS = (
    ("2026-02-05", COMMUNITY.name),
    ("2026-02-26", UNIVERSITY.name),
    ("2026-04-16", UNIVERSITY.name),
    ("2026-06-04", UNIVERSITY.name),
    ("2026-07-09", UNIVERSITY.name),
    ("2026-08-06", UNIVERSITY.name),
)
#: test, unit, low, high, values at each draw ("" where it was not measured).
_TESTS = (
    ("CA 15-3", "U/mL", "0", "31", ("34", "24", "22", "21", "20", "19")),
    ("CEA", "ng/mL", "0", "3.0", ("3.4", "2.1", "2.0", "1.9", "", "1.7")),
    ("Hemoglobin", "g/dL", "12.0", "15.5", ("11.6", "11.8", "12.3", "12.7", "", "13.1")),
    ("White blood cells", "x10^9/L", "4.0", "11.0", ("6.8", "7.1", "5.2", "5.9", "", "6.4")),
)


def lab_tracker_csv() -> bytes:
    """The spreadsheet as Maria saved it (the same bytes every run)."""
    lines = ["date,test,value,unit,low,high,lab"]
    for index, (day, lab) in enumerate(_DRAWS):
        for test, unit, low, high, values in _TESTS:
            if values[index]:
                lines.append(f"{day},{test},{values[index]},{unit},{low},{high},{lab}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def add_lab_tracker(case: CaseFile) -> int:
    """Import the spreadsheet into ``case`` as the CSV import does; returns the record's id."""
    portal = read_lab_csv(lab_tracker_csv(), LAB_TRACKER_FILENAME)
    records = tuple(
        dataclasses.replace(
            item,
            fields=dataclasses.replace(
                item.fields, title=LAB_TRACKER_TITLE, tags=("tumour markers",)
            ),
        )
        for item in portal.records
    )
    outcome = store_portal(
        case, Path(LAB_TRACKER_FILENAME), dataclasses.replace(portal, records=records)
    )
    if outcome.status is not ImportStatus.IMPORTED or outcome.record_id is None:
        raise CaseFileError(f"The demo's lab values could not be stored: {outcome.reason}")
    return outcome.record_id
