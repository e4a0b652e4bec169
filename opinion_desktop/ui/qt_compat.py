"""Work-around for a bug of the Qt bindings that would crash the program on Python 3.11.

PySide6 6.12.0 hands some singletons back to Python without taking a new reference to them:
``Signal.emit()`` returns ``True`` that way, and an invalid ``QVariant`` (``index.data(role)`` for
a role the model does not provide, ``QObject.property()`` of an unknown name) becomes ``None``
that way. On Python 3.12 and later ``True``, ``False`` and ``None`` are immortal, so nothing
happens; on Python 3.11 each such call lowers their reference count by one, and after a few
hundred calls the interpreter aborts with "bool_dealloc" or "none_dealloc".

:func:`protect_singletons` probes for the bug once and, only when it is present, gives ``True``,
``False`` and ``None`` a reserve of references large enough to make them immortal in practice,
which is what Python 3.12 does itself. It runs when :mod:`opinion_desktop.ui` is imported.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

_PROBES = 64
_RESERVE = 1 << 40


class _Probe(QObject):
    ping = Signal()


def _add_references(value: object, count: int) -> None:
    ctypes.c_ssize_t.from_address(id(value)).value += count


def _loses_references(value: object, call: Callable[[], object]) -> bool:
    """Whether ``call`` loses a reference to ``value``; repairs what the probe lost."""
    before = sys.getrefcount(value)
    for _ in range(_PROBES):
        call()
    lost = before - sys.getrefcount(value)
    if lost > 0:
        _add_references(value, lost)
    return lost >= _PROBES


def bindings_lose_references() -> bool:
    """Whether these bindings, on this Python, lose references to ``True`` or ``None``."""
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    emit_leaks = _loses_references(True, probe.ping.emit)
    variant_leaks = _loses_references(None, lambda: probe.property("opinion-desktop-probe"))
    return emit_leaks or variant_leaks


def protect_singletons() -> bool:
    """Make ``True``, ``False`` and ``None`` immortal in practice if the bindings have the bug."""
    if not bindings_lose_references():
        return False
    for value in (True, False, None):
        _add_references(value, _RESERVE)
    return True


PROTECTED = protect_singletons()
