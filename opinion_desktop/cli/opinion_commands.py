"""Commands on opinions: ``extract``, ``opinions`` and ``compare``."""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from opinion_desktop.cli.arguments import case_path
from opinion_desktop.cli.output import Column, format_table, print_json, terminal_width, write
from opinion_desktop.cli.passphrase import opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.comparison import Comparison, ComparisonRow, ProposedValue
from opinion_desktop.domain.errors import CaseFileError, OpinionDesktopError
from opinion_desktop.domain.opinions import Opinion, Stage

_TREATMENT = "treatment:"


def register(subparsers: Any) -> None:
    ext = subparsers.add_parser(
        "extract",
        help="propose opinion values found in a record's text",
        description="Read the text of one record (a pathology report, a consult note) and print "
        "the values it states - histologic type, grade, ER, PR, HER2, Ki-67, TNM, stage group, "
        "recommended treatment steps... - each with the sentence it was found in. Nothing is "
        "saved: these are proposals to check.",
    )
    ext.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    ext.add_argument("record", metavar="RECORD_ID", type=_number, help="the record's number")
    ext.add_argument("--json", action="store_true", help="print one JSON object")
    ext.set_defaults(handler=run_extract)

    ops = subparsers.add_parser(
        "opinions",
        help="list the opinions of a case",
        description="List the opinions of a case with every field, by date.",
    )
    ops.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    ops.add_argument("--json", action="store_true", help="print one JSON array")
    ops.set_defaults(handler=run_opinions)

    cmp = subparsers.add_parser(
        "compare",
        help="compare opinions side by side",
        description="Compare opinions item by item and say where they differ. Without opinion "
        "numbers, every opinion of the case is compared.",
    )
    cmp.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    cmp.add_argument("ids", metavar="ID", nargs="*", type=_number, help="opinion numbers")
    cmp.add_argument("--json", action="store_true", help="print one JSON object")
    cmp.add_argument("--pdf", metavar="FILE", type=Path, help="also write the comparison as a PDF")
    cmp.set_defaults(handler=run_compare)


def _number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a record or opinion number")
    return value


# ------------------------------------------------------------------------------------ extract
def proposals_json(proposals: Sequence[ProposedValue]) -> dict[str, object]:
    """``{"her2": {"value", "sentence", "note", "also_from"}, ..., "treatment": [...]}``."""
    out: dict[str, object] = {}
    steps: list[dict[str, object]] = []
    for p in proposals:
        if p.field.startswith(_TREATMENT):
            steps.append(
                {"modality": p.field[len(_TREATMENT) :], "value": p.value, "sentence": p.sentence}
            )
        else:
            out[p.field] = {
                "value": p.value,
                "sentence": p.sentence,
                "note": p.note,
                "also_from": list(p.also_from),
            }
    if steps:
        out["treatment"] = steps
    return out


def run_extract(args: argparse.Namespace) -> int:
    from opinion_desktop.services.extraction import field_label, proposals_for_record

    with plain_errors(args.case), opened(args.case) as case:
        record = case.records.get(args.record)
        text = case.records.record_text(args.record)
        proposals = proposals_for_record(case, args.record)
    if args.json:
        print_json(proposals_json(proposals))
        return 0
    name = f"record {record.id} ({record.title})" if record.title else f"record {record.id}"
    if not text.strip():
        write(f"There is no text in {name} to read; a scanned page needs text recognition first.")
        return 0
    if not proposals:
        write(f"No values to propose were found in {name}.")
        return 0
    write(f"Values found in {name}; check each against the report before using it.")
    columns = (Column("Field"), Column("Value", flexible=True), Column("Sentence", flexible=True))
    rows = [(field_label(p.field), p.value, p.sentence) for p in proposals]
    write(format_table(columns, rows, terminal_width()))
    for p in proposals:
        if p.note:
            write(f"Note on {field_label(p.field)}: {p.note}")
    return 0


# ----------------------------------------------------------------------------------- opinions
def _stage_json(stage: Stage) -> dict[str, str]:
    return {"t": stage.t, "n": stage.n, "m": stage.m, "group": stage.group, "text": str(stage)}


def opinion_json(opinion: Opinion) -> dict[str, object]:
    """Every field of an opinion, as plain JSON values."""
    f = opinion.fields
    return {
        "id": opinion.id,
        "title": opinion.title,
        "opinion_type": f.opinion_type.value,
        "clinician": f.clinician,
        "specialty": f.specialty,
        "institution": f.institution,
        "date": f.date.isoformat() if f.date else None,
        "diagnosis": f.diagnosis,
        "primary_site": f.primary_site,
        "laterality": f.laterality,
        "histologic_type": f.histologic_type,
        "grade": f.grade,
        "clinical_stage": _stage_json(f.clinical_stage),
        "pathologic_stage": _stage_json(f.pathologic_stage),
        "biomarkers": [{"name": b.name, "result": b.result} for b in f.biomarkers],
        "treatment": [
            {"modality": t.modality.value, "description": t.description} for t in f.treatment
        ],
        "rationale": f.rationale,
        "tests_ordered": f.tests_ordered,
        "uncertainty": f.uncertainty,
        "based_on": list(f.based_on),
        "questions": [
            {"question": q.question, "answer": q.answer, "answered_by": q.answered_by}
            for q in f.questions
        ],
        "sources": [
            {"field": s.field, "record_id": s.record_id, "sentence": s.sentence} for s in f.sources
        ],
    }


def _opinion_lines(opinion: Opinion) -> list[str]:
    f = opinion.fields
    pairs = [
        ("Specialty", f.specialty),
        ("Institution", f.institution),
        ("Diagnosis", f.diagnosis),
        ("Primary site", f.primary_site),
        ("Laterality", f.laterality),
        ("Histologic type", f.histologic_type),
        ("Grade", f.grade),
        ("Clinical stage", str(f.clinical_stage)),
        ("Pathologic stage", str(f.pathologic_stage)),
        *((b.name, b.result) for b in f.biomarkers),
        *(
            (
                f"Step {i}",
                f"{t.modality.label}: {t.description}" if t.description else t.modality.label,
            )
            for i, t in enumerate(f.treatment, 1)
        ),
        ("Rationale", f.rationale),
        ("Tests ordered", f.tests_ordered),
        ("Uncertainty", f.uncertainty),
        ("Based on records", ", ".join(str(r) for r in f.based_on)),
    ]
    answered = sum(1 for q in f.questions if q.answer.strip())
    if f.questions:
        pairs.append(("Questions", f"{len(f.questions)}, {answered} answered"))
    width = max((len(label) for label, value in pairs if value), default=0)
    return [
        f"  {label + ':':<{width + 1}} {' '.join(value.split())}" for label, value in pairs if value
    ]


def run_opinions(args: argparse.Namespace) -> int:
    with plain_errors(args.case), opened(args.case) as case:
        opinions = case.opinions.all()
    if args.json:
        print_json([opinion_json(o) for o in opinions])
        return 0
    if not opinions:
        write("This case has no opinions yet.")
        return 0
    for index, opinion in enumerate(opinions):
        if index:
            write("")
        write(f"Opinion {opinion.id} - {opinion.title}")
        for line in _opinion_lines(opinion):
            write(line)
    return 0


# ------------------------------------------------------------------------------------ compare
def comparison_json(comparison: Comparison) -> dict[str, object]:
    ids = [str(i) for i in comparison.opinion_ids]

    def row_json(row: ComparisonRow) -> dict[str, object]:
        return {
            "field": row.field,
            "label": row.label,
            "kind": "item" if row.is_item else "context",
            "values": dict(zip(ids, row.values, strict=True)),
            "differs": row.differs,
            "sources": {
                i: ({"record_id": s.record_id, "sentence": s.sentence} if s else None)
                for i, s in zip(ids, row.sources, strict=True)
            },
        }

    return {
        "summary": comparison.summary,
        "opinions": [
            {"id": i, "title": t}
            for i, t in zip(comparison.opinion_ids, comparison.opinion_titles, strict=True)
        ],
        "differing": [r.field for r in comparison.differing],
        "rows": [row_json(r) for r in comparison.rows],
    }


def _comparison_table(comparison: Comparison, rows: Sequence[ComparisonRow], *, marks: bool) -> str:
    """Opinions as columns; with ``marks``, a first column saying which rows differ."""
    columns = [Column("Differs")] if marks else []
    columns += [Column("Item")]
    columns += [Column(f"Opinion {i}", flexible=True) for i in comparison.opinion_ids]
    cells = [
        ((["* differs" if r.differs else ""] if marks else []) + [r.label])
        + [v or "-" for v in r.values]
        for r in rows
    ]
    return format_table(columns, cells, terminal_width())


def _write_pdf(path: Path, data: bytes) -> None:
    """Write to a temporary name beside ``path``, then rename: never half a file."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.resolve().parent)
    except OSError as exc:
        raise CaseFileError(f"{path.name} cannot be written: {exc.strerror or exc}.") from exc
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise CaseFileError(f"{path.name} cannot be written: {exc.strerror or exc}.") from exc


def run_compare(args: argparse.Namespace) -> int:
    from opinion_desktop.services.comparison import compare

    with plain_errors(args.case), opened(args.case) as case:
        if args.ids:
            opinions = [case.opinions.get(i) for i in dict.fromkeys(args.ids)]
        else:
            opinions = case.opinions.all()
    if not opinions:
        raise OpinionDesktopError("This case has no opinions to compare yet.")
    comparison = compare(opinions)
    if args.pdf is not None:
        from opinion_desktop.services.comparison_page import render_comparison_page

        _write_pdf(args.pdf, render_comparison_page(comparison))
    if args.json:
        print_json(comparison_json(comparison))
        return 0
    write(comparison.summary)
    write("")
    for opinion in opinions:
        write(f"Opinion {opinion.id}: {opinion.title}")
    write("")
    write("About these opinions (not compared):")
    write(_comparison_table(comparison, comparison.context, marks=False))
    write("")
    write("What they say:")
    write(_comparison_table(comparison, comparison.items, marks=True))
    if args.pdf is not None:
        write("")
        write(f"Written to {args.pdf}.")
    return 0
