"""Work-around for a bug of the Qt bindings that would crash the program.

PySide6 6.12.0 returns ``True`` from ``Signal.emit()`` without taking a new reference to it. On
Python 3.12 and later ``True`` and ``False`` are immortal, so nothing happens; on Python 3.11 each
emit from Python code lowers their reference count by one, and after a few hundred emits the
interpreter aborts with "bool_dealloc: deallocating True or False".

:func:`protect_bools` probes for the bug once and, only when it is present, gives ``True`` and
``False`` a reserve of references large enough to make them immortal in practice, which is what
Python 3.12 does itself. It runs when :mod:`opinion_desktop.ui` is imported, before any window.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 64
_RESERVE = 1 << 40


class _Probe(QObject):
    ping = Signal()


def emit_leaks_bools() -> bool:
    """Whether ``Signal.emit()`` loses a reference to its result; repairs what the probe lost."""
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        ctypes.c_ssize_t.from_address(id(True)).value += lost
    return lost >= _PROBES


def protect_bools() -> bool:
    """Make ``True`` and ``False`` immortal in practice if the bindings have the bug."""
    if not emit_leaks_bools():
        return False
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    return True


PROTECTED = protect_bools()
