"""Strings pyside6-lupdate cannot see, written as QT_TRANSLATE_NOOP calls it can read.

``python opinion_desktop/resources/translations/collect_strings.py OUT.py`` finds:

- calls of a module's ``_tr("…")`` helper (``QCoreApplication.translate("Context", text)``);
- ``counted(n, "1 record", "%1 records")`` (context "Wording" or the one given);
- ``tr("Context", "…")`` where ``tr = QCoreApplication.translate``;
- the titles of a table model's ``columns = (Column("When", …), …)`` (context: the class's
  name, as :class:`~opinion_desktop.ui.models.dataclass_table.DataclassTableModel` asks);
- the plain-word labels of the domain's enums and of the comparison's rows, which the models
  translate at run time (context "Labels": the program's translator also looks up a text under
  any context, see :mod:`opinion_desktop.ui.translations`).

``make translations`` runs this, then lupdate on the ui modules and OUT.py, then lrelease.
"""

from __future__ import annotations

import ast
import enum
import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # opinion_desktop/


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """``def _tr(text): return QCoreApplication.translate("Ctx", text)`` -> {"_tr": "Ctx"}."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate"
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
            ):
                found[node.name] = call.args[0].value
    return found


def _constant(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def column_titles(tree: ast.Module) -> list[tuple[str, str]]:
    """(class, title) for each ``columns = (Column("Title", …), …)`` in a class's body."""
    pairs: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if not (
                isinstance(statement, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "columns" for t in statement.targets)
                and isinstance(statement.value, ast.Tuple | ast.List)
            ):
                continue
            for element in statement.value.elts:
                if isinstance(element, ast.Call) and element.args:
                    title = _constant(element.args[0])
                    if title is not None:
                        pairs.append((node.name, title))
    return pairs


def strings_in(path: Path) -> list[tuple[str, str]]:
    """(context, text) pairs in one module that lupdate would miss."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _helper_contexts(tree)
    constants = {  # NAME = "text" at the top of the module, passed as _tr(NAME)
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    pairs: list[tuple[str, str]] = column_titles(tree)
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            continue
        name, args = call.func.id, call.args
        if name in helpers and args and isinstance(args[0], ast.Name):
            if args[0].id in constants:
                pairs.append((helpers[name], constants[args[0].id]))
        elif name in helpers and args and (text := _constant(args[0])) is not None:
            pairs.append((helpers[name], text))
        elif name == "counted" and len(args) >= 3:
            context = (_constant(args[3]) if len(args) > 3 else None) or "Wording"
            pairs += [(context, t) for t in map(_constant, args[1:3]) if t is not None]
        elif name == "tr" and len(args) == 2:
            given, said = _constant(args[0]), _constant(args[1])
            if given is not None and said is not None:
                pairs.append((given, said))
    return pairs


def domain_labels() -> list[str]:
    """The ``label`` of every member of the domain's enums, and the comparison's row labels."""
    sys.path.insert(0, str(ROOT.parent))
    import opinion_desktop.domain as domain

    labels: list[str] = []
    for info in pkgutil.iter_modules(domain.__path__):
        module = importlib.import_module(f"opinion_desktop.domain.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and hasattr(value, "label"):
                labels += [str(member.label) for member in value if member.label]
    comparison = importlib.import_module("opinion_desktop.services.comparison")
    for table in ("_CONTEXT", "_ITEMS"):
        labels += [row[1] for row in getattr(comparison, table, ())]
    return list(dict.fromkeys(labels))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: collect_strings.py OUT.py", file=sys.stderr)
        return 2
    pairs: list[tuple[str, str]] = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        pairs += strings_in(path)
    pairs += [("Labels", label) for label in domain_labels()]
    lines = [
        '"""Generated by collect_strings.py for lupdate; never imported."""',
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    lines += [f"QT_TRANSLATE_NOOP({c!r}, {t!r})" for c, t in dict.fromkeys(pairs)]
    target = Path(argv[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
