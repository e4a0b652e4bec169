"""A page built the first time it is shown (or asked for), so opening the window does not
import and build every page of the program before the first one is painted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from opinion_desktop.storage.casefile import CaseFile

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    """Stands in a page stack for the page ``build(parent)`` makes when first needed.

    The case it is told of (``set_case``) is handed on once the page exists; until then it is
    only kept, so a page never shown never reads the case.
    """

    def __init__(self, build: Callable[[QWidget], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: P | None = None
        self._case: CaseFile | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> P | None:
        """The page, if it was made already."""
        return self._page

    def page(self) -> P:
        """The page, made now if it was not yet."""
        if self._page is None:
            page = self._build(self)
            self._page = page
            self._layout.addWidget(page)
            page.show()  # at once: a child added to a shown widget waits for the event loop
            self._layout.activate()  # and laid out at the stand-in's size before it is drawn
            self.setFocusProxy(page)
            if self._case is not None:
                self._hand_on(page, self._case)
        return self._page

    def set_case(self, case: CaseFile | None) -> None:
        self._case = case
        if self._page is not None:
            self._hand_on(self._page, case)

    @staticmethod
    def _hand_on(page: QWidget, case: CaseFile | None) -> None:
        set_case = getattr(page, "set_case", None)
        if callable(set_case):
            set_case(case)

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)
