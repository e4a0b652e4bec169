"""C-CDA XML: HL7's official examples (whole documents and Results fragments), and hostile XML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.labs import LabFlag, LabValue, PortalImport
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.portal.ccda import looks_like_ccda, read_ccda
from opinion_desktop.storage.casefile import CaseFile


def _read(corpus: Path, name: str) -> PortalImport:
    path = corpus / "ccda" / name
    return read_ccda(path.read_bytes(), path.name)


def _values(corpus: Path, name: str) -> list[LabValue]:
    (record,) = _read(corpus, name).records
    return list(record.values)


def _by_loinc(values: list[LabValue]) -> dict[str, LabValue]:
    return {v.loinc: v for v in values}


def test_every_example_imports(corpus: Path) -> None:
    files = sorted((corpus / "ccda").glob("*.xml"))
    assert len(files) == 21
    for path in files:
        found = read_ccda(path.read_bytes(), path.name)
        (record,) = found.records
        assert record.documents[0].data == path.read_bytes()
        assert record.documents[0].media_type == "application/xml"
        assert record.documents[0].pages[0].text.strip(), path.name
        assert record.fields.title and record.fields.date_of_service, path.name


def test_basic_metabolic_panel(corpus: Path) -> None:
    found = _read(corpus, "Results__Basic Metabolic Panel with Troponin(C-CDA2.1).xml")
    (record,) = found.records
    assert record.fields.kind is RecordKind.LAB
    assert record.fields.title.startswith("Basic Metabolic Panel - Blood")
    values = record.values
    assert len(values) == 9
    sodium = values[0]
    assert (sodium.analyte, sodium.loinc) == ("Sodium [Moles/volume] in Blood", "2947-0")
    assert (sodium.value_number, sodium.unit, sodium.ref_low, sodium.ref_high) == (
        140,
        "mmol/L",
        135,
        145,
    )
    assert sodium.flag is LabFlag.NORMAL
    assert sodium.collected_at == dt.datetime(2012, 10, 2, 9, 8)
    glucose = _by_loinc(list(values))["2339-0"]
    # the source flags it high; its range is in another unit (mg/dL) than the value (mmol/L),
    # so the range is kept only in words and nothing is compared across units
    assert (glucose.value_number, glucose.unit, glucose.flag) == (185, "mmol/L", LabFlag.HIGH)
    assert (glucose.ref_low, glucose.ref_high, glucose.ref_text) == (None, None, "70-140 mg/dL")
    troponins = [v for v in values if v.loinc == "6598-7"]
    assert [v.collected_at for v in troponins] == [
        dt.datetime(2012, 10, 2, 9, 8),
        dt.datetime(2012, 10, 3, 10, 8),
    ]


def test_greater_than_and_less_than(corpus: Path) -> None:
    (above,) = _values(corpus, "Results__Result with greater than a specified value(C-CDA2.1).xml")
    assert (above.comparator, above.value_number, above.unit) == (">", 500, "mg/dL")
    assert (above.ref_low, above.ref_high) == (80, 140)  # the normal one of two ranges
    assert above.ref_text == "normal 80–140 mg/dL; high 140–500 mg/dL"
    assert above.flag is LabFlag.HIGH
    assert above.display_value == "> 500"

    (below,) = _values(corpus, "Results__Results with less than specific value(C-CDA2.1).xml")
    assert (below.comparator, below.value_number, below.unit) == ("<=", 5, "pg/mL")
    assert (below.ref_low, below.ref_high, below.flag) == (0, 100, LabFlag.NORMAL)


def test_text_coded_and_pending_values(corpus: Path) -> None:
    (colour,) = _values(
        corpus, "Results__Result with an unstructured string as value urine color (C-CDA2.1).xml"
    )
    assert (colour.analyte, colour.value_text, colour.value_number) == (
        "Color of Urine",
        "Amber",
        None,
    )
    assert colour.flag is LabFlag.NORMAL

    negative, positive = _values(
        corpus, "Results__Result panel with coded values of negative-positive(C-CDA2.1).xml"
    )
    assert (negative.value_text, negative.flag) == ("Negative", LabFlag.NORMAL)
    assert (positive.value_text, positive.flag) == ("Positive", LabFlag.ABNORMAL)
    assert positive.loinc == "60256-5"

    (covid,) = _values(corpus, "Results__Results of COVID Test Positive Normal(C-CDA2.1).xml")
    assert (covid.value_text, covid.flag) == ("Detected", LabFlag.ABNORMAL)

    (pending,) = _values(corpus, "Results__Results panel with pending component(C-CDA2.1).xml")
    assert (pending.loinc, pending.value_text, pending.flag) == (
        "804-5",
        "pending",
        LabFlag.UNKNOWN,
    )
    assert pending.collected_at == dt.date(2012, 8, 6)
    assert pending.analyte == "Leukocytes [#/volume] in Blood by Manual count"  # no hidden space


def test_multiple_reference_ranges(corpus: Path) -> None:
    (titre,) = _values(corpus, "Results__Lab with Multiple Reference Ranges(C-CDA2.1).xml")
    assert titre.value_text == "Borderline, equal to 1:80"
    assert titre.ref_text == (
        "Negative, less than 1:80; Borderline, equal to 1:80; Positive, greater than 1:80"
    )
    assert titre.flag is LabFlag.ABNORMAL


def test_units_are_kept_as_given(corpus: Path) -> None:
    (non_ucum,) = _values(corpus, "Results__Results Unit Non-UCUM(C-CDA2.1).xml")
    assert (non_ucum.value_number, non_ucum.unit) == (152, "THOUS/MCL")
    assert (non_ucum.ref_low, non_ucum.ref_high, non_ucum.flag) == (150, 400, LabFlag.NORMAL)

    (translated,) = _values(corpus, "Results__Results with translation unit(C-CDA2.1).xml")
    assert (translated.value_number, translated.unit) == (152, "10*3/uL")
    assert (translated.ref_low, translated.ref_high) == (150, 400)

    triglycerides, ldl = _values(
        corpus, "Results__Result with non-numeric physical quantity and unit(C-CDA2.1).xml"
    )
    assert (triglycerides.value_number, triglycerides.unit) == (450, "mg/dL")
    assert triglycerides.flag is LabFlag.UNKNOWN  # no range, no interpretation
    assert (ldl.value_text, ldl.unit) == ("Unable to calculate", "mg/dL")


def test_the_performing_lab(corpus: Path) -> None:
    (record,) = _read(corpus, "Results__Result with lab location(C-CDAR2.1).xml").records
    (gravity,) = record.values
    assert (gravity.value_number, gravity.unit, gravity.performing_lab) == (
        1.015,
        "1",
        "Value Labs",
    )
    assert (gravity.ref_low, gravity.ref_high, gravity.flag) == (1.005, 1.03, LabFlag.NORMAL)
    assert record.fields.institution == "Value Labs"
    assert gravity.collected_at == dt.date(2015, 6, 22)


def test_a_narrative_report_is_kept_as_imaging_text(corpus: Path) -> None:
    (record,) = _read(corpus, "Results__Chest X ray with Narrative Report(C-CDA2.1).xml").records
    assert record.fields.kind is RecordKind.IMAGING
    assert record.values == ()
    assert "IMPRESSION: Cardiomegaly." in record.documents[0].pages[0].text
    assert record.fields.date_of_service == dt.date(2015, 2, 25)


def test_whole_documents(corpus: Path) -> None:
    ccd = _read(corpus, "Documents__CCD.xml")
    (record,) = ccd.records
    assert record.fields.kind is RecordKind.OTHER
    assert record.fields.title == "Summary of Patient Chart"
    assert record.fields.date_of_service == dt.date(2014, 10, 15)
    assert record.fields.institution == "The Doctors Together Physician Group"
    assert record.fields.clinician == "Patricia Primary M.D."
    assert ccd.patient_name == "Isabella Jones"
    text = record.documents[0].pages[0].text
    assert "ALLERGIES AND ADVERSE REACTIONS" in text and "VITAL SIGNS (LAST FILED)" in text
    assert [(v.loinc, v.value_text) for v in record.values] == [("804-5", "pending")]

    (consult,) = _read(corpus, "Documents__Consultation_Note.xml").records
    assert consult.fields.kind is RecordKind.CONSULT
    values = _by_loinc(list(consult.values))
    hemoglobin, platelets = values["718-7"], values["777-3"]
    assert (hemoglobin.value_number, hemoglobin.unit, hemoglobin.flag) == (
        13.2,
        "g/dL",
        LabFlag.NORMAL,
    )
    assert (hemoglobin.ref_low, hemoglobin.ref_high) == (12, 15.5)
    # the source only says "abnormal"; the range tells which side
    assert (platelets.value_number, platelets.flag) == (123, LabFlag.LOW)

    kinds = {
        "Documents__Diagnostic_Imaging_Report.xml": RecordKind.IMAGING,
        "Documents__Operative_Note.xml": RecordKind.OPERATIVE,
        "Documents__Progress_Note.xml": RecordKind.CONSULT,
        "Documents__Referral_Note.xml": RecordKind.CORRESPONDENCE,
        "Documents__Discharge_Summary.xml": RecordKind.OTHER,
    }
    for name, kind in kinds.items():
        assert _read(corpus, name).records[0].fields.kind is kind, name


def test_a_document_is_stored_with_its_values(corpus: Path, case: CaseFile) -> None:
    found = _read(corpus, "Documents__Referral_Note.xml")
    (record,) = case.labs.add_records_with_values(found.records)
    assert record.fields.institution == "Good Health HIE"
    assert len(case.labs.for_record(record.id)) == 6
    assert [h.record_id for h in case.records.search("allergies")] == [record.id]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<ClinicalDocument>&lol2;</ClinicalDocument>',
            "x.xml contains a DOCTYPE or ENTITY declaration, which C-CDA files never have; "
            "it was not opened, for safety.",
        ),
        (b"<note><to>Tove</to></note>", "x.xml is not a C-CDA document."),
        (b'<ClinicalDocument xmlns="urn:other"/>', "x.xml is not a C-CDA document."),
        (b"<section><title>Chapter 1</title></section>", "x.xml is not a C-CDA document."),
        (b"<a><b></a>", "x.xml is damaged: its XML cannot be read (line 1)."),
    ],
)
def test_hostile_or_foreign_xml_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        read_ccda(data, "x.xml")
    assert str(refused.value) == reason


def test_truncated_xml_is_refused(corpus: Path) -> None:
    whole = (corpus / "ccda" / "Documents__CCD.xml").read_bytes()
    for cut in (len(whole) // 2, len(whole) - 30, 200):
        with pytest.raises(ImportRefusedError) as refused:
            read_ccda(whole[:cut], "x.xml")
        assert str(refused.value) == "x.xml is damaged: the XML ends early."


def test_a_fragment_without_usable_results_is_refused() -> None:
    fragment = (
        b'<section><templateId root="2.16.840.1.113883.10.20.22.2.3.1"/>'
        b'<code code="30954-2"/><title>Results</title><text/></section>'
    )
    with pytest.raises(ImportRefusedError, match="holds no lab results that can be read"):
        read_ccda(fragment, "x.xml")


def test_recognised_by_content(corpus: Path) -> None:
    for path in sorted((corpus / "ccda").glob("*.xml")):
        assert looks_like_ccda(path.read_bytes()[:8192]), path.name
    assert not looks_like_ccda(b"<note><to>Tove</to></note>")
    assert not looks_like_ccda(b"<section><title>Chapter</title></section>")


def test_deeply_nested_xml_is_refused_without_a_crash() -> None:
    deep = b"<content>" * 50_000 + b"x" + b"</content>" * 50_000
    fragment = b'<section><templateId root="1"/><text>' + deep + b"</text><entry/></section>"
    with pytest.raises(ImportRefusedError) as refused:
        read_ccda(fragment, "x.xml")
    assert str(refused.value) == "x.xml is damaged: its XML is nested too deeply to read."
