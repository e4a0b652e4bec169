"""Medications and allergies for the one-page summary, read from a medication list's text."""

from __future__ import annotations

from opinion_desktop.services.bundle.medications import medication_lines

TABLE_LIKE = """Lakeside Valley Community Hospital
400 Harbor Road, Lakeside Valley
Patient: EXAMPLE, MARIA
DOB: 03/14/1961
MEDICATION LIST AND ALLERGIES
ACTIVE MEDICATIONS
Medication
Dose
How taken
Lisinopril
10 mg
1 tablet by mouth daily
Cholecalciferol (vitamin D3)
2000 IU
1 capsule daily
STOPPED MEDICATIONS
Conjugated estrogens
0.3 mg daily
ALLERGIES
1. Penicillin - hives (1998)
2. Sulfonamide antibiotics - rash
Please bring this list to every appointment.
"""


def test_a_table_split_into_lines_is_read_back_as_medications() -> None:
    medications, allergies = medication_lines(TABLE_LIKE)
    assert medications == [
        "Lisinopril 10 mg, 1 tablet by mouth daily",
        "Cholecalciferol (vitamin D3) 2000 IU, 1 capsule daily",
    ]
    assert allergies == ["Penicillin - hives (1998)", "Sulfonamide antibiotics - rash"]


def test_one_line_per_drug_and_inline_allergies() -> None:
    text = "Medications\nLetrozole 2.5 mg daily\n- Vitamin D 1000 IU daily\nAllergies: penicillin"
    assert medication_lines(text) == (
        ["Letrozole 2.5 mg daily", "Vitamin D 1000 IU daily"],
        ["penicillin"],
    )


def test_no_known_allergies_and_nothing_recognisable() -> None:
    assert medication_lines("Tamoxifen 20 mg once daily\nNKDA") == (
        ["Tamoxifen 20 mg once daily"],
        ["No known drug allergies"],
    )
    assert medication_lines("Scanned page, unreadable") == ([], [])
