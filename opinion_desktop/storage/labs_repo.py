"""Lab values: stored with the record (and document) they were read from, in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.labs import (
    COMPARATORS,
    AnalyteSummary,
    Comparator,
    LabFlag,
    LabValue,
    NewLabRecord,
    TrendSeries,
    analyte_keys,
    matches_analyte,
    summarise,
    trend_series,
)
from opinion_desktop.domain.records import NewDocument, Record, RecordFields
from opinion_desktop.storage.models import DocumentRow, LabValueRow, RecordRow
from opinion_desktop.storage.records_repo import RecordRepository


def _when_to_text(when: dt.datetime | dt.date | None) -> str | None:
    if when is None:
        return None
    if isinstance(when, dt.datetime):
        return when.replace(tzinfo=None, microsecond=0).isoformat()
    return when.isoformat()


def _when_from_text(text: str | None) -> dt.datetime | dt.date | None:
    if not text:
        return None
    try:
        if "T" in text:
            return dt.datetime.fromisoformat(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _comparator(text: str) -> Comparator:
    for comparator in COMPARATORS:
        if text == comparator:
            return comparator
    return ""


def _to_value(row: LabValueRow | Row[Any]) -> LabValue:
    """A value from an ORM row or a plain result row of the ``lab_value`` table."""
    try:
        flag = LabFlag(row.flag)
    except ValueError:
        flag = LabFlag.UNKNOWN
    return LabValue(
        analyte=row.analyte,
        loinc=row.loinc,
        value_number=row.value_number,
        value_text=row.value_text,
        comparator=_comparator(row.comparator),
        unit=row.unit,
        ref_low=row.ref_low,
        ref_high=row.ref_high,
        ref_text=row.ref_text,
        flag=flag,
        collected_at=_when_from_text(row.collected_at),
        performing_lab=row.performing_lab,
        id=row.id,
        record_id=row.record_id,
        document_id=row.document_id,
    )


def _to_columns(
    value: LabValue, record_id: int, document_id: int | None, ordinal: int
) -> dict[str, object]:
    return {
        "record_id": record_id,
        "document_id": document_id,
        "ordinal": ordinal,
        "analyte": value.analyte,
        "name_key": value.name_key,
        "loinc": value.loinc,
        "value_number": value.value_number,
        "value_text": value.value_text,
        "comparator": value.comparator,
        "unit": value.unit,
        "ref_low": value.ref_low,
        "ref_high": value.ref_high,
        "ref_text": value.ref_text,
        "flag": value.flag.value,
        "collected_at": _when_to_text(value.collected_at),
        "performing_lab": value.performing_lab,
    }


class LabRepository:
    """Reads and writes lab values; records are created through :class:`RecordRepository`."""

    def __init__(self, sessions: sessionmaker[Session], records: RecordRepository) -> None:
        self._sessions = sessions
        self._records = records

    # ----------------------------------------------------------------- writing
    def add_record_with_values(
        self,
        fields: RecordFields,
        documents: Sequence[NewDocument],
        values: Iterable[LabValue],
    ) -> tuple[Record, list[LabValue]]:
        """Create a record with its documents and lab values (read from ``documents[0]``) at once.

        One transaction: if anything fails, neither the record nor any value is stored.
        """
        record = NewLabRecord(fields, tuple(documents), tuple(values))
        (stored,) = self.add_records_with_values([record])
        return stored, self.for_record(stored.id)

    def add_records_with_values(self, items: Sequence[NewLabRecord]) -> list[Record]:
        """Create several records with their documents and values in ONE transaction.

        This is how one imported file (a FHIR bundle with two reports) becomes whole records or
        nothing at all.
        """
        ids: list[int] = []
        with self._sessions.begin() as session:
            for item in items:
                added = self._records.insert(session, item.fields, item.documents)
                document_id = added.document_ids[0] if added.document_ids else None
                self._insert_values(session, added.record_id, document_id, item.values)
                ids.append(added.record_id)
        return [self._records.get(i) for i in ids]

    def add_many(
        self, record_id: int, values: Iterable[LabValue], document_id: int | None = None
    ) -> list[LabValue]:
        """Add values to an existing record (e.g. typed in by hand), in one transaction."""
        with self._sessions.begin() as session:
            if session.get(RecordRow, record_id) is None:
                raise NotFoundError(f"There is no record number {record_id} in this case.")
            if document_id is not None:
                owner = session.scalar(
                    select(DocumentRow.record_id).where(DocumentRow.id == document_id)
                )
                if owner != record_id:
                    raise NotFoundError(f"Record {record_id} has no document number {document_id}.")
            first = self._insert_values(session, record_id, document_id, values)
        return self.for_record(record_id)[first:]

    @staticmethod
    def _insert_values(
        session: Session, record_id: int, document_id: int | None, values: Iterable[LabValue]
    ) -> int:
        """Insert in one statement; return how many values the record had before."""
        before = (
            session.scalar(
                select(func.count(LabValueRow.id)).where(LabValueRow.record_id == record_id)
            )
            or 0
        )
        start = (
            session.scalar(
                select(func.max(LabValueRow.ordinal)).where(LabValueRow.record_id == record_id)
            )
            or 0
        )
        rows = [
            _to_columns(v, record_id, document_id, start + n) for n, v in enumerate(values, start=1)
        ]
        if rows:
            session.execute(insert(LabValueRow), rows)
        return before

    def delete_for_record(self, record_id: int) -> int:
        """Remove a record's lab values (the record stays); return how many went."""
        with self._sessions.begin() as session:
            rows = list(
                session.scalars(select(LabValueRow).where(LabValueRow.record_id == record_id))
            )
            for row in rows:
                session.delete(row)
            return len(rows)

    # ----------------------------------------------------------------- reading
    def _everything(self) -> list[LabValue]:
        with self._sessions() as session:
            rows = session.execute(select(LabValueRow.__table__).order_by(LabValueRow.id))
            values = [_to_value(r) for r in rows]
        return sorted(values, key=LabValue.sort_key)

    def all(self, analyte: str | None = None, abnormal_only: bool = False) -> list[LabValue]:
        """Every value, oldest first (undated last).

        ``analyte`` may be a key from :meth:`analytes`, a LOINC code or a name in any spelling;
        values of the same analyte from different labs are matched by LOINC code or name.
        """
        values = self._everything()
        if analyte:
            keys = analyte_keys(values)
            values = [v for v in values if matches_analyte(v, analyte, keys)]
        if abnormal_only:
            values = [v for v in values if v.is_abnormal]
        return values

    def for_record(self, record_id: int) -> list[LabValue]:
        with self._sessions() as session:
            rows = session.execute(
                select(LabValueRow.__table__)
                .where(LabValueRow.record_id == record_id)
                .order_by(LabValueRow.ordinal, LabValueRow.id)
            )
            return [_to_value(r) for r in rows]

    def get(self, value_id: int) -> LabValue:
        with self._sessions() as session:
            row = session.get(LabValueRow, value_id)
            if row is None:
                raise NotFoundError(f"There is no lab value number {value_id} in this case.")
            return _to_value(row)

    def analytes(self) -> list[AnalyteSummary]:
        """Each analyte of the case with how many values it has, most measured first."""
        return summarise(self._everything())

    def trend(self, analyte: str) -> list[TrendSeries]:
        """The chart lines of one analyte (as :meth:`all` matches it): one per unit."""
        return trend_series(self.all(analyte=analyte))

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(LabValueRow.id))) or 0
