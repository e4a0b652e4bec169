"""The shared read-only table: columns as (title, text, sort key), roles a view and proxy use."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt

from opinion_desktop.ui.models.dataclass_table import (
    ITEM_ROLE,
    SORT_ROLE,
    Column,
    DataclassTableModel,
)


@dataclass(frozen=True)
class Parcel:
    name: str
    weight: int


class ParcelsModel(DataclassTableModel[Parcel]):
    columns = (
        Column[Parcel]("Name", lambda p: p.name),
        Column[Parcel](
            "Weight", lambda p: f"{p.weight} g", lambda p: p.weight, tooltip=lambda p: "heavy"
        ),
    )


def test_rows_headers_roles_and_numeric_sorting() -> None:
    model = ParcelsModel()
    parcels = [Parcel("b", 900), Parcel("A", 80), Parcel("c", 1000)]
    model.set_items(parcels)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Weight"
    assert model.index(0, 1).data() == "900 g"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "heavy"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "b"
    assert model.index(1, 0).data(ITEM_ROLE) == Parcel("A", 80)
    assert model.index(1, 0).data(SORT_ROLE) == "a"
    assert model.row_where(lambda p: p.name == "c") == 2
    assert model.row_where(lambda p: p.name == "z") == -1

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 1).data() for r in range(3)] == ["80 g", "900 g", "1000 g"]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["A", "b", "c"]
