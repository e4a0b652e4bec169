"""Argument types shared by the commands: each refuses bad input with one plain sentence.

argparse turns an :class:`argparse.ArgumentTypeError` into a usage error (exit status 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from opinion_desktop.domain.patient import PatientIdentifier
from opinion_desktop.domain.records import RecordKind

#: For help texts: the kinds a ``--kind`` option takes.
KIND_CHOICES = ", ".join(kind.value for kind in RecordKind)


def record_kind(text: str) -> RecordKind:
    """``pathology`` or ``"Consult note"``, any case."""
    try:
        return RecordKind.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a kind of record; choose one of: {KIND_CHOICES}"
        ) from None


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, for example 1961-03-14"
        ) from None


def birth_date(text: str) -> dt.date:
    """A date of birth: a real date, not in the future, not before 1900."""
    born = iso_date(text)
    if born > dt.date.today():
        raise argparse.ArgumentTypeError(f"{born.isoformat()} is in the future")
    if born.year < 1900:
        raise argparse.ArgumentTypeError(f"{born.isoformat()} is too long ago to be a birth date")
    return born


def identifier(text: str) -> PatientIdentifier:
    """``INSTITUTION=NUMBER``: a patient's record number (MRN) at one institution."""
    institution, sep, value = text.partition("=")
    if not sep or not institution.strip() or not value.strip():
        raise argparse.ArgumentTypeError(
            f'{text!r} should be INSTITUTION=NUMBER, for example "St Mary Hospital=SM-004521"'
        )
    return PatientIdentifier(" ".join(institution.split()), value.strip())


def non_empty(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise argparse.ArgumentTypeError("it must not be empty")
    return cleaned


def case_path(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("the case file name must not be empty")
    return Path(text).expanduser()
