"""The Qt binding must not corrupt Python's reference counts when slots return values.

PySide6 6.12.0 releases one reference to True or False each time a Python slot returning a bool
is called from a signal; after enough clicks the interpreter aborts ("bool_dealloc"). The
project pins a release without that fault; this test keeps the pin honest.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_slots_returning_bools_keep_reference_counts(qtbot: object) -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda: True)
    emitter.fired.connect(lambda: False)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(50):
        emitter.fired.emit()
    assert (sys.getrefcount(True), sys.getrefcount(False)) >= before
