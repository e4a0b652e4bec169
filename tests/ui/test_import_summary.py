"""The import summary: counts, refusals, and the import's advice said once."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.services.ocr import ENABLE_HINT
from opinion_desktop.ui.import_summary import ImportSummaryDialog


def test_the_advice_of_a_batch_is_shown_once(qtbot: QtBot) -> None:
    outcomes = [
        ImportOutcome(Path("scan-1.png"), ImportStatus.IMPORTED, 1, 1, hint=ENABLE_HINT),
        ImportOutcome(Path("scan-2.png"), ImportStatus.IMPORTED, 2, 1, hint=ENABLE_HINT),
        ImportOutcome(Path("report.pdf"), ImportStatus.IMPORTED, 3, 2),
    ]
    dialog = ImportSummaryDialog(outcomes)
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == "3 files added."
    assert dialog.hints == (ENABLE_HINT,)
    assert dialog.hint_label.text() == ENABLE_HINT
    assert dialog.hint_label.text().count("install Tesseract OCR") == 1
    assert not dialog.hint_label.isHidden()
    assert dialog.details.isHidden()


def test_without_advice_there_is_no_advice_line(qtbot: QtBot) -> None:
    dialog = ImportSummaryDialog([ImportOutcome(Path("a.pdf"), ImportStatus.DUPLICATE)])
    qtbot.addWidget(dialog)
    assert dialog.hints == ()
    assert dialog.hint_label.isHidden()
