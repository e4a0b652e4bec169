"""Small wording helpers: counted nouns that read well without a translation file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def counted(n: int, one: str, many: str, context: str = "Wording") -> str:
    """``counted(1, "1 record", "%1 records")`` → "1 record"; 4 → "4 records"."""
    text = QCoreApplication.translate(context, one if n == 1 else many)
    return text.replace("%1", str(n))
