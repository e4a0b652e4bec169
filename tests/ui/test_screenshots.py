"""Taking screenshots keeps everything the program writes for the person in a throw-away folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from opinion_desktop.services.backups import automatic_backup_folder, user_data_folder
from opinion_desktop.ui.screenshots import USER_FOLDER_VARIABLES, private_user_folders


def _app_data() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def test_the_data_and_settings_folders_point_inside_while_taking_screenshots(
    configured_app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "real-data"))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    real_backups = automatic_backup_folder(tmp_path / "demo.opcase")
    private = tmp_path / "shots"
    with private_user_folders(private):
        assert user_data_folder().is_relative_to(private)
        assert automatic_backup_folder(tmp_path / "demo.opcase").is_relative_to(private)
        assert _app_data().is_relative_to(private)  # Qt's own folder (logs, the demo case)
        assert all(os.environ[name].startswith(str(private)) for name in USER_FOLDER_VARIABLES)
    # afterwards as it was: the real folder again, and no variable left that was not there
    assert automatic_backup_folder(tmp_path / "demo.opcase") == real_backups
    assert os.environ["XDG_DATA_HOME"] == str(tmp_path / "real-data")
    assert "XDG_STATE_HOME" not in os.environ
