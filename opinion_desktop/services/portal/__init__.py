"""Readers of patient-portal downloads and lab spreadsheets: FHIR R4 JSON, C-CDA XML, CSV.

Each reader is a pure function ``read_x(data, filename) -> PortalImport`` that either returns the
records to create (each with its documents and lab values) or raises
:class:`~opinion_desktop.domain.errors.ImportRefusedError` with one plain sentence. Nothing is
written here: the caller stores a :class:`~opinion_desktop.domain.labs.PortalImport` with
``case.labs.add_records_with_values`` in one transaction.
"""

from opinion_desktop.services.portal.ccda import looks_like_ccda, read_ccda
from opinion_desktop.services.portal.csv_labs import looks_like_lab_csv, read_lab_csv
from opinion_desktop.services.portal.fhir import looks_like_fhir, read_fhir

__all__ = [
    "looks_like_ccda",
    "looks_like_fhir",
    "looks_like_lab_csv",
    "read_ccda",
    "read_fhir",
    "read_lab_csv",
]
