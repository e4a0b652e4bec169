"""The date of service: labelled first, then the file name, then the first plausible date."""

from __future__ import annotations

import datetime as dt

import pytest

from opinion_desktop.services.date_guess import (
    date_in_filename,
    dates_in,
    guess_date,
    labelled_date,
    without_birth_dates,
)

TODAY = dt.date(2026, 11, 25)
JAN_12 = dt.date(2026, 1, 12)


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-12",
        "01/12/2026",
        "1/12/26",
        "12 Jan 2026",
        "12-Jan-2026",
        "12th January 2026",
        "January 12, 2026",
        "Jan. 12 2026",
        "12.01.2026",
        "2026/01/12",
    ],
)
def test_every_common_format(text: str) -> None:
    assert list(dates_in(f"seen on {text} in clinic", TODAY)) == [JAN_12]


def test_a_slash_date_that_cannot_be_us_is_read_day_first() -> None:
    assert list(dates_in("13/01/2026", TODAY)) == [dt.date(2026, 1, 13)]


def test_impossible_and_future_dates_are_ignored() -> None:
    assert list(dates_in("31/02/2026 and 2027-01-01 and 1890-05-05", TODAY)) == []


def test_labelled_date_wins_over_earlier_dates() -> None:
    text = "Printed 2026-03-01\nReport date: 2026-01-20\nDate of service: 01/12/2026\n"
    assert guess_date(text, "", TODAY) == JAN_12


def test_collection_and_procedure_labels() -> None:
    assert labelled_date("Collected: 12 Jan 2026 08:15", TODAY) == JAN_12
    assert labelled_date("Date of procedure\nJanuary 12, 2026", TODAY) == JAN_12
    assert labelled_date("Exam date 2026-01-12", TODAY) == JAN_12
    assert labelled_date("Visit date: 12.01.2026", TODAY) == JAN_12


def test_date_of_birth_is_never_taken() -> None:
    text = "Patient: Maria Example  DOB: 03/14/1961\nDate of birth: March 14, 1961"
    assert guess_date(text, "", TODAY) is None
    line = "DOB 03/14/1961   Date of service: 01/12/2026"
    assert guess_date(line, "", TODAY) == JAN_12
    assert "1961" not in without_birth_dates(line)


def test_file_name_date_comes_before_an_unlabelled_date_in_the_text() -> None:
    assert guess_date("mentioned 2025-06-01", "scan_20260112.pdf", TODAY) == JAN_12
    assert date_in_filename("2026-01-12 mammogram.pdf", TODAY) == JAN_12
    assert date_in_filename("document(7).pdf", TODAY) is None


def test_first_plausible_date_as_last_resort() -> None:
    assert guess_date("Seen 12 Jan 2026, again 2026-02-03", "report.pdf", TODAY) == JAN_12


def test_no_date_at_all() -> None:
    assert guess_date("no dates here", "report.pdf", TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Report of 01/12/2026\nPatient: Maria Example  D.O.B. 03/14/1961\nSeen 01/12/2026",
        "Report of 01/12/2026\nBORN 03/14/1961 in Lyon\n\x0cSeen 01/12/2026",
        "Report of 01/12/2026\nDATE OF BIRTH: 03/14/1961\r\nSeen 01/12/2026",
        "Rapor 01/12/2026\nDoğum tarihi (date of bırth): 03/14/1961 — Işık\nSeen 01/12/2026",
    ],
)
def test_only_the_birth_date_is_taken_out_wherever_it_is(text: str) -> None:
    cleaned = without_birth_dates(text)
    assert "1961" not in cleaned
    assert cleaned.count("01/12/2026") == 2
