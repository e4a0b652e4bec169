"""How the Records page shares its width: first-run pane sizes, and which columns make way.

Kept apart from :mod:`records_browser` (which builds the page) so the arithmetic can be read,
and tested, on its own; the page fits an 800×600 screen and gives titles room at 1280×800.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView, QWidget

from opinion_desktop.ui.models.records_table import Column
from opinion_desktop.ui.widgets.record_form import RecordForm

#: The narrowest the filter panel gets (it scrolls sideways below its natural width).
FILTERS_MIN_WIDTH = 150
#: The title column keeps at least this many average characters before other columns make way.
TITLE_MIN_CHARS = 20
#: The document pane's first width at least (its toolbar wraps when narrower, the page shrinks).
DETAIL_FIRST_MIN_WIDTH = 360
#: What the table gets before the filters and the document pane widen on a first run.
TABLE_WANTED_WIDTH = 300

#: The columns that make way for the titles, the last to go first.
_OPTIONAL = (Column.KIND, Column.PAGES, Column.INSTITUTION)


def first_run_widths(
    width: int, filters_natural: int, detail_min: int, detail_wanted: int
) -> tuple[int, int, int]:
    """Filters, table and document pane widths for a splitter ``width`` wide.

    The filters get their natural width when the table still gets :data:`TABLE_WANTED_WIDTH`,
    else less (down to :data:`FILTERS_MIN_WIDTH`), else none: on a small screen the table and
    the document come first and the filters wait behind the splitter handle. The document pane
    gets ``detail_wanted`` (its form whole) when the table keeps its wanted width, never less
    than ``detail_min`` (its page buttons).
    """
    if width - filters_natural - detail_min >= TABLE_WANTED_WIDTH:
        filters = filters_natural
    elif width - FILTERS_MIN_WIDTH - detail_min >= TABLE_WANTED_WIDTH:
        filters = width - detail_min - TABLE_WANTED_WIDTH
    else:
        filters = 0
    rest = width - filters
    detail = max(detail_min, min(detail_wanted, rest - TABLE_WANTED_WIDTH))
    return filters, rest - detail, detail


#: The most of the document pane's height the record form takes on a first run.
FORM_MAX_SHARE = 0.42


def first_run_sizes(
    splitter: QSplitter,
    filters: QWidget,
    filters_scroll: QScrollArea,
    detail_splitter: QSplitter,
    form: RecordForm,
) -> None:
    """Size the page's panes on a first run (no saved sizes): :func:`first_run_widths` across
    (``filters`` inside ``filters_scroll``), and the form below the document whole (two
    fields to a row when the table keeps its wanted width) unless that would leave the
    document less than most of the height."""
    natural = filters.minimumSizeHint().width()
    if filters.sizeHint().height() > splitter.height():
        natural += filters_scroll.verticalScrollBar().sizeHint().width()
    widths = first_run_widths(
        splitter.width() - 2 * splitter.handleWidth(),
        natural,
        max(detail_splitter.minimumSizeHint().width(), DETAIL_FIRST_MIN_WIDTH),
        form.wide_width() + 12,
    )
    splitter.setSizes(list(widths))
    height = detail_splitter.height()
    # The form whole when it leaves the document most of the height; on a small screen the
    # document keeps the larger part and the form scrolls.
    wanted = min(form.sizeHint().height() + 8, int(height * FORM_MAX_SHARE))
    detail_splitter.setSizes([height - wanted, wanted])


class TitleRoom:
    """Hides the institution, then the page count, then the kind when the title would get less
    than :data:`TITLE_MIN_CHARS` (all three show above the document too)."""

    def __init__(self) -> None:
        #: The last width of each optional column while shown (a hidden section is 0 wide).
        self._widths: dict[Column, int] = {}

    def fit(self, table: QTableView, searching: bool) -> None:
        """Show as many optional columns as leave the title room; while ``searching`` the match
        column takes the place of institution and pages (the view hides those itself)."""
        header = table.horizontalHeader()
        for column in _OPTIONAL:
            if not table.isColumnHidden(column):
                self._widths[column] = header.sectionSize(column)
        room = table.viewport().width() - header.sectionSize(Column.DATE)
        if searching:
            room -= header.sectionSize(Column.MATCH)
        title = table.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS
        optional = _OPTIONAL[:1] if searching else _OPTIONAL
        shown: list[Column] = []
        for column in optional:
            width = self._widths.get(column, header.defaultSectionSize())
            if room - width < title:
                break
            room -= width
            shown.append(column)
        for column in optional:
            table.setColumnHidden(column, column not in shown)
