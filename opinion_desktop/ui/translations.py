"""The program in the person's language: a translator chosen from the system's locale.

The language is, first found: the environment variable ``OPINION_DESKTOP_LANG`` (tests and
screenshots), the setting ``language``, then the system's languages in order of preference.
English needs no translator. Qt's own texts (the buttons of its dialogs) are translated too, from
``qtbase_<lang>.qm`` when Qt ships one.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGE_ENV = "OPINION_DESKTOP_LANG"
LANGUAGE_SETTING = "language"
FOLDER = Path(__file__).resolve().parents[1] / "resources" / "translations"
BASE_NAME = "opinion_desktop"

_installed: list[QTranslator] = []
_language = "en"
_QT_CONTEXT = re.compile(r"Q[A-Z]\w*$")


class ProgramTranslator(QTranslator):
    """The program's ``.qm`` file; a text missing under its context is looked up under any.

    A text said by a helper on behalf of a window (``window.tr("…")``) is looked up under the
    window's class, which the extraction tool cannot know; matching by the text alone finds it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._any_context: dict[str, str] = {}

    def load_language(self, language: str, folder: Path = FOLDER) -> bool:
        stem = f"{BASE_NAME}_{language}"
        if not self.load(stem, str(folder)):
            return False
        self._any_context = _texts(folder / f"{stem}.ts")
        return True

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The translation, or None when there is none (Qt then asks the next translator, or
        shows the text as written; an empty string would show as nothing)."""
        found = super().translate(context, source, disambiguation, n)
        if found or _QT_CONTEXT.match(context or ""):
            return found or None  # Qt's own texts are for Qt's translator
        return self._any_context.get(source)

    def isEmpty(self) -> bool:
        return super().isEmpty() and not self._any_context


def _texts(ts_file: Path) -> dict[str, str]:
    """Finished translations in a ``.ts`` file, by source text (first one wins)."""
    try:
        root = ElementTree.parse(ts_file).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    texts: dict[str, str] = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete"):
            continue
        if translation.text and source not in texts:
            texts[source] = translation.text
    return texts


def chosen_languages() -> list[str]:
    """Languages to try, best first: ``["es"]``, ``["es", "en"]``…"""
    wanted = os.environ.get(LANGUAGE_ENV, "").strip()
    if not wanted:
        setting = QSettings().value(LANGUAGE_SETTING, "")
        wanted = setting.strip() if isinstance(setting, str) else ""
    names = [wanted] if wanted else QLocale.system().uiLanguages()
    languages: list[str] = []
    for name in names:
        language = name.replace("-", "_").split("_")[0].lower()
        if language and language not in languages:
            languages.append(language)
    return languages


def install_translators(app: QCoreApplication) -> str:
    """Install the translators for the chosen language; returns it ("en" for none needed)."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = "en"
    for language in chosen_languages():
        if language in ("en", "c"):
            return "en"
        ours = ProgramTranslator()
        if not ours.load_language(language):
            continue
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator()
        if qt.load(f"qtbase_{language}", qt_folder):
            _installed.append(qt)
        _installed.append(ours)
        for translator in _installed:
            app.installTranslator(translator)
        _language = language
        return language
    return "en"


def ui_locale() -> QLocale:
    """The locale of the language the program speaks (month and day names in dates).

    Only the texts follow it: numbers are still read and written as the system's locale says.
    """
    return QLocale(_language)


def label_text(label: str) -> str:
    """A domain label ("Pathology", "High") in the person's language."""
    return QCoreApplication.translate("Labels", label)
