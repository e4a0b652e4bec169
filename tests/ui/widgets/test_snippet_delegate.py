"""Search snippets: the matched words in bold, and still visible in a narrow column."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from opinion_desktop.ui.widgets.snippet_delegate import focus_on_match, snippet_html


def test_marked_words_become_bold_and_the_rest_is_escaped() -> None:
    assert snippet_html("…the [HER2] result <2+>…") == "…the <b>HER2</b> result &lt;2+&gt;…"
    assert snippet_html("no mark") == "no mark"


def test_a_long_lead_in_is_trimmed_so_the_match_shows(qapp: QApplication) -> None:
    metrics = QFontMetrics(QFont(qapp.font()))
    snippet = "…receptor positive in ninety five percent of tumour cells; [HER2] equivocal…"
    trimmed = focus_on_match(snippet, metrics, 200)
    assert trimmed.endswith("[HER2] equivocal…")
    assert trimmed.startswith("…")
    assert metrics.horizontalAdvance(trimmed.split("[")[0]) <= 60
    assert focus_on_match("[HER2] first", metrics, 200) == "[HER2] first"
