"""Export presets per recipient in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from opinion_desktop.ui.export_presets import (
    ExportPreset,
    SelectionMode,
    delete_preset,
    load_presets,
    save_preset,
)


def test_presets_are_saved_by_recipient_replaced_and_deleted() -> None:
    mehta = ExportPreset(
        "Dr. Priya Mehta",
        "Northfield University Cancer Center",
        mode=SelectionMode.KINDS,
        kinds=("pathology", "imaging"),
        bates_prefix="MEHTA",
        questions=("Lobular or ductal?",),
    )
    save_preset(mehta)
    save_preset(ExportPreset("Dr. Samuel Okafor", watermark=True))
    presets = load_presets()
    assert list(presets) == [
        "Dr. Priya Mehta, Northfield University Cancer Center",
        "Dr. Samuel Okafor",
    ]
    assert presets[mehta.key] == mehta

    save_preset(ExportPreset("Dr. Priya Mehta", "Northfield University Cancer Center"))
    assert load_presets()[mehta.key].mode is SelectionMode.ALL
    delete_preset("Dr. Samuel Okafor")
    assert list(load_presets()) == [mehta.key]


def test_a_damaged_setting_reads_as_no_presets() -> None:
    QSettings().setValue("export/presets", "{not json")
    assert load_presets() == {}
    QSettings().setValue("export/presets", '[{"recipient_name": "A", "mode": "sideways"}, 3]')
    assert load_presets() == {}
