"""Many signal emits and empty model lookups must never bring the interpreter down.

PySide6 6.12 loses a reference to ``True`` (``Signal.emit``) and to ``None`` (an invalid
``QVariant``) on each call; :mod:`opinion_desktop.ui.qt_compat` makes up for it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal

from opinion_desktop.ui import qt_compat


class Emitter(QObject):
    ping = Signal(int)


def test_thousands_of_emits_leave_true_alive() -> None:
    emitter = Emitter()
    received: list[int] = []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(20_000):
        emitter.ping.emit(number)
    assert len(received) == 20_000
    if not qt_compat.PROTECTED:
        assert sys.getrefcount(True) >= before - 100


def test_thousands_of_empty_lookups_leave_none_alive() -> None:
    model = QStringListModel(["biopsy"])
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    if not qt_compat.PROTECTED:
        assert sys.getrefcount(None) >= before - 100
