"""The opinions comparison page of the packet, drawn by :mod:`services.comparison_page`.

With fewer than two opinions there is nothing to compare: the page is left out and the export's
notes say so.
"""

from __future__ import annotations

from collections.abc import Sequence

from opinion_desktop.domain.opinions import Opinion
from opinion_desktop.services.comparison import compare
from opinion_desktop.services.comparison_page import render_comparison_page

TITLE = "Opinions compared"


def render_opinions(
    opinions: Sequence[Opinion], *, paper: tuple[float, float], band: float
) -> tuple[bytes | None, str]:
    """The comparison page's PDF, or None and a note on why it was left out.

    ``paper`` is the packet's sheet and ``band`` the stamp band that will be added under the page
    (0 when unstamped), so that the page comes out the same size as the rest of the packet.
    """
    if len(opinions) < 2:
        return None, "The opinions comparison was left out: fewer than two opinions are recorded."
    page = render_comparison_page(compare(opinions), title=TITLE, paper=paper, band=band)
    return page, ""
