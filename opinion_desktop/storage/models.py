"""SQLAlchemy 2 typed models of the case file.

The migration scripts in ``migrations/versions`` are the schema's source of truth; these models
must describe the same tables (a test compares them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class PatientRow(Base):
    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    diagnosis_summary: Mapped[str] = mapped_column(Text, default="")
    identifiers: Mapped[list[PatientIdentifierRow]] = relationship(
        back_populates="patient", cascade="all, delete-orphan", order_by="PatientIdentifierRow.id"
    )


class PatientIdentifierRow(Base):
    __tablename__ = "patient_identifier"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    institution: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[str] = mapped_column(Text, default="")
    patient: Mapped[PatientRow] = relationship(back_populates="identifiers")


class BlobRow(Base):
    """The bytes of an original file, stored once however many documents point at it."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class RecordRow(Base):
    __tablename__ = "record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    date_of_service: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    institution: Mapped[str] = mapped_column(Text, default="")
    clinician: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    documents: Mapped[list[DocumentRow]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="DocumentRow.ordinal"
    )
    tags: Mapped[list[RecordTagRow]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="RecordTagRow.tag"
    )


class RecordTagRow(Base):
    __tablename__ = "record_tag"
    __table_args__ = (UniqueConstraint("record_id", "tag"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    tag: Mapped[str] = mapped_column(Text)
    record: Mapped[RecordRow] = relationship(back_populates="tags")


class DocumentRow(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    page_count: Mapped[int] = mapped_column(Integer, default=1)
    has_text_layer: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The hash of the file as given, when the stored bytes differ (an unlocked encrypted PDF).
    source_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    record: Mapped[RecordRow] = relationship(back_populates="documents")
    blob: Mapped[BlobRow] = relationship()
    pages: Mapped[list[DocumentPageRow]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        order_by="DocumentPageRow.page_number",
    )


class DocumentPageRow(Base):
    __tablename__ = "document_page"
    __table_args__ = (UniqueConstraint("document_id", "page_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    page_number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    ocr_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    document: Mapped[DocumentRow] = relationship(back_populates="pages")


class OpinionRow(Base):
    __tablename__ = "opinion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clinician: Mapped[str] = mapped_column(Text, default="")
    specialty: Mapped[str] = mapped_column(Text, default="")
    institution: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    opinion_type: Mapped[str] = mapped_column(String(32), default="other")
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    primary_site: Mapped[str] = mapped_column(Text, default="")
    laterality: Mapped[str] = mapped_column(Text, default="")
    histologic_type: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str] = mapped_column(Text, default="")
    clinical_t: Mapped[str] = mapped_column(Text, default="")
    clinical_n: Mapped[str] = mapped_column(Text, default="")
    clinical_m: Mapped[str] = mapped_column(Text, default="")
    clinical_group: Mapped[str] = mapped_column(Text, default="")
    pathologic_t: Mapped[str] = mapped_column(Text, default="")
    pathologic_n: Mapped[str] = mapped_column(Text, default="")
    pathologic_m: Mapped[str] = mapped_column(Text, default="")
    pathologic_group: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    tests_ordered: Mapped[str] = mapped_column(Text, default="")
    uncertainty: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    biomarkers: Mapped[list[OpinionBiomarkerRow]] = relationship(
        cascade="all, delete-orphan", order_by="OpinionBiomarkerRow.ordinal"
    )
    treatment: Mapped[list[OpinionTreatmentRow]] = relationship(
        cascade="all, delete-orphan", order_by="OpinionTreatmentRow.ordinal"
    )
    based_on: Mapped[list[OpinionRecordRow]] = relationship(
        cascade="all, delete-orphan", order_by="OpinionRecordRow.record_id"
    )
    questions: Mapped[list[OpinionQuestionRow]] = relationship(
        cascade="all, delete-orphan", order_by="OpinionQuestionRow.ordinal"
    )
    sources: Mapped[list[OpinionFieldSourceRow]] = relationship(
        cascade="all, delete-orphan", order_by="OpinionFieldSourceRow.id"
    )


class OpinionBiomarkerRow(Base):
    __tablename__ = "opinion_biomarker"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opinion_id: Mapped[int] = mapped_column(
        ForeignKey("opinion.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="")


class OpinionTreatmentRow(Base):
    __tablename__ = "opinion_treatment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opinion_id: Mapped[int] = mapped_column(
        ForeignKey("opinion.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    modality: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")


class OpinionRecordRow(Base):
    __tablename__ = "opinion_record"
    __table_args__ = (UniqueConstraint("opinion_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opinion_id: Mapped[int] = mapped_column(
        ForeignKey("opinion.id", ondelete="CASCADE"), index=True
    )
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)


class OpinionQuestionRow(Base):
    __tablename__ = "opinion_question"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opinion_id: Mapped[int] = mapped_column(
        ForeignKey("opinion.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(Text, default="")


class OpinionFieldSourceRow(Base):
    __tablename__ = "opinion_field_source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opinion_id: Mapped[int] = mapped_column(
        ForeignKey("opinion.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[str] = mapped_column(Text, default="")


class ReleaseRow(Base):
    """One exported bundle: when, to whom, and the packet's fingerprint."""

    __tablename__ = "release"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recipient_name: Mapped[str] = mapped_column(Text, default="")
    recipient_institution: Mapped[str] = mapped_column(Text, default="")
    packet_filename: Mapped[str] = mapped_column(Text, default="")
    packet_sha256: Mapped[str] = mapped_column(String(64), default="")
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    archive_filename: Mapped[str] = mapped_column(Text, default="")
    archive_sha256: Mapped[str] = mapped_column(String(64), default="")
    options: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    records: Mapped[list[ReleaseRecordRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReleaseRecordRow.ordinal"
    )


class ReleaseRecordRow(Base):
    """A record as it went out in a release (a snapshot: the record may change or go later)."""

    __tablename__ = "release_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("release.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    record_id: Mapped[int | None] = mapped_column(
        ForeignKey("record.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(32), default="other")
    title: Mapped[str] = mapped_column(Text, default="")
    date_of_service: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    institution: Mapped[str] = mapped_column(Text, default="")
    start_page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    included: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class LabValueRow(Base):
    """One lab result read from a portal file or a spreadsheet (see ``domain/labs.py``)."""

    __tablename__ = "lab_value"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), nullable=True, index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    analyte: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, default="", index=True)
    loinc: Mapped[str] = mapped_column(String(32), default="", index=True)
    value_number: Mapped[float | None] = mapped_column(Float, nullable=True)
    value_text: Mapped[str] = mapped_column(Text, default="")
    comparator: Mapped[str] = mapped_column(String(2), default="")
    unit: Mapped[str] = mapped_column(Text, default="")
    ref_low: Mapped[float | None] = mapped_column(Float, nullable=True)
    ref_high: Mapped[float | None] = mapped_column(Float, nullable=True)
    ref_text: Mapped[str] = mapped_column(Text, default="")
    flag: Mapped[str] = mapped_column(String(16), default="unknown")
    #: ISO date (``2024-03-01``) or naive date-time (``2024-03-01T08:30:00``): sorts as text.
    collected_at: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    performing_lab: Mapped[str] = mapped_column(Text, default="")


class ChangeLogRow(Base):
    """One field of a record or an opinion as it was added, changed or deleted (schema step 4)."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    label: Mapped[str] = mapped_column(Text, default="")
