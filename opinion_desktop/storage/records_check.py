"""Checking that a case's records are whole: stored files, their sizes and fingerprints, and the
search index (for ``opinion-desktop check`` and the safety tests)."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from opinion_desktop.storage.models import BlobRow, DocumentRow, RecordRow


def consistency_problems(session: Session) -> list[str]:
    """What is out of place, in a sentence each (empty when the records are whole)."""
    problems: list[str] = []
    orphans = session.scalar(
        select(func.count(BlobRow.sha256)).where(
            ~select(DocumentRow.id).where(DocumentRow.blob_sha256 == BlobRow.sha256).exists()
        )
    )
    if orphans:
        problems.append(f"{orphans} stored file(s) belong to no record")
    for sha, size, length in session.execute(
        text("SELECT sha256, size, length(data) FROM blob WHERE size != length(data)")
    ):
        problems.append(f"stored file {sha[:12]} is {length} bytes, expected {size}")
    indexed = session.scalar(text("SELECT count(*) FROM record_fts")) or 0
    records = session.scalar(select(func.count(RecordRow.id))) or 0
    if indexed != records:
        problems.append(f"search index holds {indexed} records, the case {records}")
    return problems


def changed_files(session: Session) -> list[str]:
    """Re-hash every stored file: those whose bytes no longer match their fingerprint."""
    bad: list[str] = []
    for sha, data in session.execute(text("SELECT sha256, data FROM blob")):
        if hashlib.sha256(data).hexdigest() != sha:
            bad.append(f"stored file {sha[:12]} no longer matches its fingerprint")
    return bad
