"""Reading records for the window and the rest of the program: plain queries, not ORM objects.

A thousand records read in a fraction of the time the ORM took, and without configuring the
mappers, so that opening a case reads its first screen quickly (see ``record_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from opinion_desktop.domain.records import Record
from opinion_desktop.storage.driver_sql import Driver
from opinion_desktop.storage.record_rows import read_records


def load_records(
    session: Session, ids: Sequence[int] | None = None, limit: int | None = None
) -> list[Record]:
    """Records (those of ``ids``, the first ``limit``, or all) oldest first and undated last,
    with their documents in order and their tags alphabetically, in ``session``'s transaction."""
    return read_records(Driver(session).run, ids, limit)
