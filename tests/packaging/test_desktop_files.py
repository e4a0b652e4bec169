"""The files that make Opinion Desktop a desktop program: menu entry, file type, AppStream data,
icons, the user-level install script and the PyInstaller spec (which is not run here)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from importlib.metadata import version
from pathlib import Path

import pytest
from PIL import Image

from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.casefile import APPLICATION_ID, create_case_file

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "opinion_desktop" / "resources" / "icons"
DESKTOP_FILE = LINUX / "opinion-desktop.desktop"
MIME_FILE = LINUX / "opinion-desktop-mime.xml"
APP_ID = "io.github.opinion_desktop.OpinionDesktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_TYPE = "application/x-opinion-desktop-case"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def _case_file(path: Path) -> Path:
    create_case_file(path, Patient(name="Test Patient")).close()
    return path


def test_the_menu_entry_opens_case_files_with_the_program() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Opinion Desktop"
    assert entry["Exec"] == "opinion-desktop %f"
    assert entry["Icon"] == "opinion-desktop"
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == f"{MIME_TYPE};"
    assert {"Office", "MedicalSoftware"} <= set(entry["Categories"].rstrip(";").split(";"))
    assert "second opinion" in entry["Keywords"].split(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_the_menu_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout


def test_the_file_type_matches_opcase_names_and_the_case_file_header(tmp_path: Path) -> None:
    root = ElementTree.parse(MIME_FILE).getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.opcase"]
    header = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert header is not None
    application_id = header.find(f"{MIME_NS}match")
    assert application_id is not None

    # The magic describes what a real case file has at those offsets.
    data = _case_file(tmp_path / "case.opcase").read_bytes()
    start = int(header.get("offset", "-1"))
    assert (header.get("value") or "").replace("\\0", "\0").encode() == data[start : start + 16]
    offset = int(application_id.get("offset", "-1"))
    assert application_id.get("type") == "big32"
    assert int(application_id.get("value", "0"), 16) == APPLICATION_ID
    assert int.from_bytes(data[offset : offset + 4], "big") == APPLICATION_ID


_DETECT = """
import sys
from PySide6.QtCore import QMimeDatabase
database = QMimeDatabase()
for name in sys.argv[1:]:
    print(database.mimeTypeForFile(name).name())
"""


def test_the_desktop_recognises_a_case_file_by_name_and_by_content(tmp_path: Path) -> None:
    """Qt reads the same shared-mime-info files as the desktop: a case file that lost its name
    is still known by its content; another SQLite database is not; an .opcase name is enough."""
    data_dir = tmp_path / "share"
    (data_dir / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME_FILE, data_dir / "mime" / "packages" / "opinion-desktop.xml")
    renamed = _case_file(tmp_path / "case.opcase").rename(tmp_path / "renamed")
    other = tmp_path / "other"
    other.write_bytes(renamed.read_bytes()[:68] + b"\0\0\0\0" + renamed.read_bytes()[72:])
    named = tmp_path / "named.opcase"
    named.write_bytes(b"")
    environment = {**os.environ, "XDG_DATA_DIRS": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _DETECT, str(renamed), str(other), str(named)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=True,
    )
    renamed_type, other_type, named_type = done.stdout.split()
    assert (renamed_type, named_type) == (MIME_TYPE, MIME_TYPE)
    assert other_type in {"application/vnd.sqlite3", "application/x-sqlite3"}


def test_the_appstream_data_names_the_program_and_this_release() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "Opinion Desktop"
    assert root.findtext("summary")
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.find("content_rating") is not None
    assert root.find("description/p") is not None
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert releases[0] == version("opinion-desktop")
    assert root.findtext("provides/mediatype") == MIME_TYPE
    images = [(i.text or "").rsplit("/", 1)[-1] for i in root.findall("screenshots/*/image")]
    assert images
    assert all((ROOT / "docs" / "screenshots" / name).is_file() for name in images)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="no appstreamcli")
def test_the_appstream_data_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_icon_exists_as_svg_and_in_every_size() -> None:
    svg = ElementTree.parse(ICONS / "opinion-desktop.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"
    for size in ICON_SIZES:
        with Image.open(ICONS / f"opinion-desktop-{size}.png") as image:
            assert image.format == "PNG"
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            assert image.getpixel((0, size - 1))[3] == 0  # transparent around the sheets
    with Image.open(ICONS / "opinion-desktop.ico") as ico:
        assert ico.format == "ICO"


def test_the_install_script_puts_every_file_in_the_users_data_folder(tmp_path: Path) -> None:
    program = tmp_path / "my programs" / "opinion-desktop"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "share"
    environment = {**os.environ, "XDG_DATA_HOME": str(data)}
    script = str(PACKAGING / "install-linux.sh")

    subprocess.run(["bash", script, str(program)], env=environment, check=True, timeout=60)
    desktop = (data / "applications" / "opinion-desktop.desktop").read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in desktop.splitlines()
    assert (data / "mime" / "packages" / "opinion-desktop.xml").read_bytes() == (
        MIME_FILE.read_bytes()
    )
    assert (data / "metainfo" / METAINFO.name).is_file()
    hicolor = data / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "opinion-desktop.svg").is_file()
    for size in ICON_SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / "opinion-desktop.png").is_file()

    subprocess.run(["bash", script, "--uninstall"], env=environment, check=True, timeout=60)
    assert not (data / "applications" / "opinion-desktop.desktop").exists()
    assert not list((data / "icons").rglob("*.png"))


def test_the_pyinstaller_spec_collects_the_resources_and_starts_workers_frozen() -> None:
    spec = (PACKAGING / "opinion-desktop.spec").read_text(encoding="utf-8")
    assert '"resources"' in spec
    assert 'copy_metadata("opinion-desktop")' in spec
    assert "collect_submodules" in spec
    assert 'name="opinion-desktop"' in spec
    entry = (PACKAGING / "opinion_desktop_main.py").read_text(encoding="utf-8")
    assert "multiprocessing.freeze_support()" in entry
    compile(spec, "opinion-desktop.spec", "exec")
    compile(entry, "opinion_desktop_main.py", "exec")
