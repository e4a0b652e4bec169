"""Recognising the scanned pages of a file just read, as part of an import.

After a worker has read a file, the pages it found no text on (a scanned PDF page, a photo, a
TIFF frame) go back to the workers one job per page (``Job.ocr_page``): pages of a long scan are
recognised two at a time, each bounded in time on its own (so a 20-page scan never runs into a
per-file limit), with progress per page, and a cancel stops between pages. The record's notes say
what recognition did; where Tesseract is missing the record is marked instead, and the import
tells once how to enable recognition (``ImportOutcome.hint``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from opinion_desktop.domain.labs import PortalImport
from opinion_desktop.domain.records import PageText
from opinion_desktop.services.file_types import FileType
from opinion_desktop.services.ocr import ENABLE_HINT, NOT_SEARCHABLE_NOTE, PAGE_SECONDS
from opinion_desktop.services.ocr import ocr_available as _ocr_available
from opinion_desktop.services.readers import Extracted, Job, Refusal
from opinion_desktop.services.worker_pool import FailureKind, PoolFailure, WorkerPool

#: File types whose pages may be scans.
SCANNABLE = frozenset({FileType.PDF, FileType.JPEG, FileType.PNG, FileType.TIFF})
#: ``report(pages_done, pages_total)`` while the pages of one file are recognised.
PageProgress = Callable[[int, int], None]

_Pool = WorkerPool[Job, Extracted | PortalImport | Refusal]


def scanned_pages(extracted: Extracted, file_type: FileType) -> list[int]:
    """The numbers of the pages of a file that carry no text and may be scans."""
    if file_type not in SCANNABLE:
        return []
    return [page.page_number for page in extracted.pages if not page.text.strip()]


def _pages_label(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:12]) + (" …" if len(numbers) > 12 else "")
    return f"page{'s' if len(numbers) != 1 else ''} {shown}"


def _joined(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def recognition_note(pages: list[PageText], failed: list[int]) -> str:
    """One or two sentences for the record's notes about the pages recognised."""
    read = [p for p in pages if p.text and p.ocr_confidence is not None]
    empty = [p.page_number for p in pages if not p.text and p.page_number not in failed]
    sentences: list[str] = []
    if read:
        mean = sum(p.ocr_confidence or 0.0 for p in read) / len(read)
        count = len(read)
        sentences.append(
            f"Text recognised from {count} scanned page{'s' if count != 1 else ''} "
            f"(average confidence {mean:.0%}); check important values against the page."
        )
    if empty:
        if read:
            sentences.append(f"No text was found on {_pages_label(empty)}.")
        else:
            sentences.append("Scanned — no text was recognised on it.")
    if failed:
        sentences.append(
            f"Text could not be recognised on {_pages_label(failed)}, so it is not searchable."
        )
    return " ".join(sentences)


class ScanReader:
    """Recognises scanned pages for one import on its worker pool; gives the hint once."""

    def __init__(self, pool: _Pool, *, page_seconds: float = PAGE_SECONDS) -> None:
        self._pool = pool
        self._page_seconds = page_seconds
        self.available = _ocr_available()
        self._hinted = False

    def complete(
        self,
        job: Job,
        extracted: Extracted,
        *,
        stop: Callable[[], bool],
        report: PageProgress,
    ) -> tuple[Extracted, str] | None:
        """``extracted`` with its scanned pages recognised, and a hint to show once ("" if none).

        None when cancelled meanwhile.
        """
        numbers = scanned_pages(extracted, job.file_type)
        if not numbers:
            return extracted, ""
        if not self.available:
            marked = dataclasses.replace(
                extracted, note=_joined(extracted.note, NOT_SEARCHABLE_NOTE)
            )
            hint = "" if self._hinted else ENABLE_HINT
            self._hinted = True
            return marked, hint
        found = self._recognise(job, numbers, stop=stop, report=report)
        if found is None:
            return None
        recognised, failed = found
        pages = tuple(recognised.get(p.page_number, p) for p in extracted.pages)
        note = recognition_note([recognised[n] for n in numbers if n in recognised], failed)
        return dataclasses.replace(extracted, pages=pages, note=_joined(extracted.note, note)), ""

    def _recognise(
        self, job: Job, numbers: list[int], *, stop: Callable[[], bool], report: PageProgress
    ) -> tuple[dict[int, PageText], list[int]] | None:
        tickets = [
            (
                n,
                self._pool.submit(
                    dataclasses.replace(job, ocr_page=n, ocr_seconds=self._page_seconds)
                ),
            )
            for n in numbers
        ]
        recognised: dict[int, PageText] = {}
        failed: list[int] = []
        report(0, len(tickets))
        for done, (number, ticket) in enumerate(tickets, 1):
            result = self._pool.result(ticket, stop=stop)
            if isinstance(result, PoolFailure) and result.kind is FailureKind.CANCELLED:
                return None
            if isinstance(result, Extracted) and result.pages:
                recognised[number] = result.pages[0]
                if result.note:
                    failed.append(number)
            else:
                recognised[number] = PageText(number, "")
                failed.append(number)
            report(done, len(tickets))
        return recognised, failed
