"""A large synthetic case as files: report-like text PDFs made with reportlab, and a lab CSV.

``python -m bench.make_case [folder] [--documents N] [--pages M] [--labs L]`` writes
``folder/pdf/doc-0001.pdf`` … and ``folder/labs.csv`` (``date,test,value,unit,low,high``).
Everything is seeded, so the same sizes give the same files; a finished set is marked by
``manifest.json`` and is reused instead of generated again. Documents are written by two
processes (fork), so keep calls under ``if __name__ == "__main__":`` in scripts.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing
import os
import random
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
_VERSION = 1

_KINDS = (
    ("Surgical Pathology Report", "pathology"),
    ("Radiology Report", "imaging"),
    ("Medical Oncology Consultation", "consult"),
    ("Operative Note", "surgery"),
    ("Discharge Summary", "discharge"),
    ("Laboratory Report", "lab"),
)
_INSTITUTIONS = (
    "St Mary Hospital",
    "Riverside Cancer Center",
    "Northgate Imaging",
    "University Medical Center",
    "Lakeside Pathology Associates",
    "Hillcrest Oncology Clinic",
)
_CLINICIANS = ("Dr. A. Mehta", "Dr. L. Okafor", "Dr. S. Lindqvist", "Dr. R. Alvarez", "Dr. J. Chen")
_SUBJECTS = (
    "The specimen",
    "The left breast mass",
    "The sentinel lymph node",
    "The core needle biopsy",
    "The axillary dissection",
    "The CT of the chest",
    "The MRI of the breast",
    "The PET scan",
    "The bone scan",
    "The patient",
    "The tumor",
    "The resection margin",
    "The liver lesion",
    "The pulmonary nodule",
)
_VERBS = (
    "shows",
    "demonstrates",
    "is consistent with",
    "reveals",
    "is negative for",
    "is suspicious for",
    "was reviewed for",
    "remains stable with",
    "is compatible with",
    "suggests",
)
_FINDINGS = (
    "invasive ductal carcinoma",
    "ductal carcinoma in situ",
    "lobular carcinoma",
    "metastatic adenocarcinoma",
    "lymphovascular invasion",
    "perineural invasion",
    "micrometastasis",
    "isolated tumor cells",
    "fibrocystic change",
    "benign fibroadenoma",
    "atypical ductal hyperplasia",
    "necrosis",
    "calcifications",
    "osseous metastases",
    "hepatic metastases",
    "pleural effusion",
    "reactive lymphadenopathy",
    "post-surgical change",
    "no residual disease",
    "complete pathologic response",
)
_DETAILS = (
    "Nottingham grade 2 of 3",
    "estrogen receptor positive in 90 percent of cells",
    "progesterone receptor positive in 40 percent of cells",
    "HER2 equivocal by immunohistochemistry (2+)",
    "HER2 negative by FISH with a ratio of 1.4",
    "ERBB2 amplification not detected",
    "Ki-67 proliferation index of 25 percent",
    "BRCA1 and BRCA2 testing pending",
    "PIK3CA mutation detected",
    "tumor size 2.3 cm in greatest dimension",
    "margins clear by 4 mm",
    "closest margin posterior at 1 mm",
    "SUV max of 6.2",
    "Oncotype DX recurrence score of 18",
    "staged as pT2 pN1a M0",
    "ECOG performance status 1",
    "neutrophil count within normal limits",
    "CA 15-3 mildly elevated at 41 U/mL",
)
_PLANS = (
    "Adjuvant chemotherapy with docetaxel and cyclophosphamide was discussed.",
    "Endocrine therapy with letrozole is recommended for five years.",
    "Radiation therapy to the whole breast is advised after surgery.",
    "A second opinion on the pathology was requested by the patient.",
    "Trastuzumab is not indicated on the current results.",
    "Follow-up imaging is advised in three months.",
    "The case will be presented at the multidisciplinary tumor board.",
    "Genetic counselling was offered and accepted.",
    "Neoadjuvant therapy was considered and declined.",
    "Clinical trial eligibility will be reviewed.",
)
_LAB_TESTS = (
    ("Hemoglobin", "g/dL", 12.0, 15.5),
    ("White blood cells", "10^9/L", 4.0, 11.0),
    ("Platelets", "10^9/L", 150.0, 400.0),
    ("Neutrophils", "10^9/L", 1.8, 7.5),
    ("Lymphocytes", "10^9/L", 1.0, 4.0),
    ("Creatinine", "mg/dL", 0.6, 1.1),
    ("ALT", "U/L", 7.0, 35.0),
    ("AST", "U/L", 10.0, 35.0),
    ("Alkaline phosphatase", "U/L", 40.0, 130.0),
    ("Bilirubin", "mg/dL", 0.1, 1.2),
    ("Albumin", "g/dL", 3.5, 5.0),
    ("Sodium", "mmol/L", 135.0, 145.0),
    ("Potassium", "mmol/L", 3.5, 5.1),
    ("Calcium", "mg/dL", 8.6, 10.3),
    ("Glucose", "mg/dL", 70.0, 99.0),
    ("CA 15-3", "U/mL", 0.0, 30.0),
    ("CEA", "ng/mL", 0.0, 3.0),
    ("CA 27-29", "U/mL", 0.0, 38.0),
    ("LDH", "U/L", 140.0, 280.0),
    ("TSH", "mIU/L", 0.4, 4.0),
)
_START = dt.date(2019, 1, 7)


@dataclass(frozen=True)
class CaseFiles:
    """A generated set: the PDF folder, the lab CSV, and their sizes."""

    folder: Path
    pdf_dir: Path
    labs_csv: Path
    documents: int
    pages: int
    labs: int

    def pdf_paths(self) -> list[Path]:
        return sorted(self.pdf_dir.glob("doc-*.pdf"))


def page_counts(documents: int, pages: int, seed: int = 8) -> list[int]:
    """How many pages each document has: varied (1 to about 5× the mean), summing to ``pages``."""
    if documents < 1 or pages < documents:
        raise ValueError("need at least one page per document")
    rng = random.Random(seed)
    weights = [rng.lognormvariate(0.0, 0.8) for _ in range(documents)]
    spare = pages - documents
    scale = spare / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    short = pages - sum(counts)
    for i in range(short):  # hand out what rounding down left over
        counts[i % documents] += 1
    return counts


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_FINDINGS)}, "
        f"{rng.choice(_DETAILS)}."
    )


def _page_lines(rng: random.Random, number: int, title: str) -> list[str]:
    lines: list[str] = []
    if number == 1:
        lines += ["CLINICAL HISTORY:", _sentence(rng), "", "FINDINGS:"]
    for _ in range(rng.randint(9, 13)):
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.3:
            paragraph += " " + rng.choice(_PLANS)
        lines += [*_wrap(paragraph, 95), ""]
    lines.append(f"Specimen S{rng.randint(10, 26)}-{rng.randint(1000, 99999)} — {title}.")
    return lines


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def write_document(path: Path, index: int, pages: int) -> None:
    """One report of ``pages`` pages (seeded by ``index``), written to a temp name then renamed."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    rng = random.Random(index * 7919 + pages)
    title, _kind = _KINDS[index % len(_KINDS)]
    institution = _INSTITUTIONS[rng.randrange(len(_INSTITUTIONS))]
    clinician = rng.choice(_CLINICIANS)
    when = _START + dt.timedelta(days=rng.randrange(0, 6 * 365))
    tmp = path.with_name(path.name + ".tmp")
    pdf = canvas.Canvas(str(tmp), pagesize=letter, pageCompression=1)
    pdf.setTitle(f"{title} {when.isoformat()}")
    pdf.setAuthor(institution)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(72, 740, f"{institution} — {title}")
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, 726, "Patient: Maria Example   DOB: 03/14/1961   MRN: SM-004521")
        pdf.drawString(72, 714, f"Date of service: {when:%m/%d/%Y}   Signed by {clinician}")
        pdf.drawRightString(540, 50, f"Page {number} of {pages}")
        text = pdf.beginText(72, 692)
        text.setFont("Helvetica", 9.5)
        text.setLeading(11.5)
        text.textLines(_page_lines(rng, number, title)[:54])
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    tmp.replace(path)


def write_labs(path: Path, count: int, seed: int = 15) -> None:
    """``count`` lab values over six years, in the lab CSV format the import service reads."""
    rng = random.Random(seed)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "test", "value", "unit", "low", "high"])
        per_day = len(_LAB_TESTS)
        for i in range(count):
            test, unit, low, high = _LAB_TESTS[i % per_day]
            when = _START + dt.timedelta(days=(i // per_day) * 4)
            spread = high - low
            value = rng.gauss((low + high) / 2, spread / 2.5)
            writer.writerow([when.isoformat(), test, f"{max(value, 0.0):.2f}", unit, low, high])
    tmp.replace(path)


def _write_one(args: tuple[str, int, int]) -> None:
    write_document(Path(args[0]), args[1], args[2])


def default_folder() -> Path:
    """Where generated sets live: ``$BENCH_DIR`` or a folder in the temp directory."""
    base = os.environ.get("BENCH_DIR")
    return Path(base) if base else Path(tempfile.gettempdir()) / "opinion-desktop-bench"


def make_case(
    folder: Path | None = None,
    *,
    documents: int = 1000,
    pages: int = 10_000,
    labs: int = 10_000,
    workers: int = 2,
) -> CaseFiles:
    """Generate (or reuse) a set of ``documents`` PDFs with ``pages`` pages and ``labs`` values."""
    root = (folder or default_folder()) / f"case-v{_VERSION}-{documents}d-{pages}p-{labs}l"
    files = CaseFiles(root, root / "pdf", root / "labs.csv", documents, pages, labs)
    if (root / MANIFEST).is_file():
        return files
    files.pdf_dir.mkdir(parents=True, exist_ok=True)
    counts = page_counts(documents, pages)
    jobs = [
        (str(files.pdf_dir / f"doc-{i + 1:04d}.pdf"), i, n)
        for i, n in enumerate(counts)
        if not (files.pdf_dir / f"doc-{i + 1:04d}.pdf").is_file()
    ]
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods() and len(jobs) > 4:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            list(pool.map(_write_one, jobs, chunksize=8))
    else:
        for job in jobs:
            _write_one(job)
    write_labs(files.labs_csv, labs)
    manifest = {"documents": documents, "pages": pages, "labs": labs, "counts": counts}
    (root / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--labs", type=int, default=10_000)
    args = parser.parse_args(argv)
    files = make_case(args.folder, documents=args.documents, pages=args.pages, labs=args.labs)
    print(
        f"{files.documents} documents, {files.pages} pages, {files.labs} lab values: {files.folder}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
