"""The opinions comparison page, drawn by ``services.comparison_page`` when it is present.

With fewer than two opinions there is nothing to compare: the page is left out and the export's
notes say so.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from opinion_desktop.domain.opinions import Opinion

_RENDERER_NAMES = (
    "render_comparison_page",
    "render_comparison_pdf",
    "render_page",
    "render_pdf",
    "render",
)


def _renderer() -> tuple[Callable[..., Any], Callable[..., bytes]] | None:
    try:
        comparison = importlib.import_module("opinion_desktop.services.comparison")
        page = importlib.import_module("opinion_desktop.services.comparison_page")
    except ImportError:
        return None
    compare = getattr(comparison, "compare", None)
    render = next(
        (getattr(page, n) for n in _RENDERER_NAMES if callable(getattr(page, n, None))), None
    )
    if not callable(compare) or render is None:
        return None
    return compare, render


def render_opinions(
    opinions: list[Opinion], *, page_size: tuple[float, float], bottom: float
) -> tuple[bytes | None, str]:
    """The comparison page's PDF, or None and a note on why it was left out."""
    if len(opinions) < 2:
        return None, "The opinions comparison was left out: fewer than two opinions are recorded."
    found = _renderer()
    if found is None:
        return None, "The opinions comparison was left out: this version cannot draw it yet."
    compare, render = found
    comparison = compare(opinions)
    accepted = inspect.signature(render).parameters
    extra: dict[str, Any] = {}
    if "page_size" in accepted:
        extra["page_size"] = page_size
    if "bottom" in accepted:
        extra["bottom"] = bottom
    if "title" in accepted:
        extra["title"] = "Opinions compared"
    return render(comparison, **extra), ""
