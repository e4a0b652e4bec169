"""The demo case: a realistic synthetic case built at run time, so a new user sees a full window.

One fictional patient, ten records from two institutions (each a real PDF drawn with reportlab,
its page text read back with pypdf so search finds what the page shows), her own spreadsheet of
lab values (read by the CSV import, so lab trends have something to show) and two opinions that
disagree. The same bytes every run.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from opinion_desktop.domain.errors import CaseFileError
from opinion_desktop.domain.records import NewDocument, RecordFields
from opinion_desktop.services import demo_documents as docs
from opinion_desktop.services import demo_imaging as imaging
from opinion_desktop.services import demo_notes as notes
from opinion_desktop.services.demo_labs import add_lab_tracker
from opinion_desktop.services.demo_opinions import first_opinion, second_opinion
from opinion_desktop.services.demo_pdf import DemoDocument, page_texts, render_pdf
from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file

#: The demo's documents, oldest first.
DEMO_DOCUMENTS: tuple[DemoDocument, ...] = (
    imaging.MAMMOGRAM_US,
    docs.CORE_BIOPSY,
    notes.LABS_PREOP,
    notes.COMMUNITY_CONSULT,
    notes.MEDICATIONS,
    docs.PATHOLOGY_REVIEW,
    imaging.BREAST_MRI,
    imaging.CHEST_CT,
    notes.LABS_MARKERS,
    notes.UNIVERSITY_CONSULT,
)


def demo_document_pdf(document: DemoDocument) -> NewDocument:
    """One demo document as it is stored: the PDF bytes and the text of each page."""
    data = render_pdf(document)
    return NewDocument(document.filename, "application/pdf", data, pages=page_texts(data))


def _fill(case: CaseFile) -> None:
    ids: dict[str, int] = {}
    for document in DEMO_DOCUMENTS:
        record = case.records.add(
            RecordFields(
                kind=document.kind,
                title=document.title,
                date_of_service=document.date,
                institution=document.institution.name,
                clinician=document.clinician,
                notes=document.notes,
                tags=document.tags,
            ),
            [demo_document_pdf(document)],
        )
        ids[document.filename] = record.id

    def record_id(document: DemoDocument) -> int:
        return ids[document.filename]

    case.opinions.add(first_opinion(record_id))
    case.opinions.add(second_opinion(record_id))
    add_lab_tracker(case)


def build_demo_case(path: Path) -> CaseFile:
    """Create a new case file at ``path`` holding the demo patient's records and opinions.

    Refuses to overwrite an existing file. The case is built under a temporary name beside
    ``path`` and renamed when whole, so a failure leaves nothing half-written behind.
    """
    path = Path(path)
    if path.exists():
        raise CaseFileError(f"{path.name} already exists; choose another name for the demo case.")
    temp = path.with_name(f".{path.name}.demo-building")
    for leftover in (temp, temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    try:
        with create_case_file(temp, docs.PATIENT) as case:
            _fill(case)
        if path.exists():
            raise CaseFileError(f"{path.name} appeared while the demo case was being built.")
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    return open_case_file(path)
