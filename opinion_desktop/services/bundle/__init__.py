"""The bundle for the consulting specialist: the PDF packet, the archive, the release log.

How a dialog drives it (in a worker thread)::

    options = ExportOptions(selection=RecordSelection(kinds=...), recipient_name="Dr. Mehta", ...)
    chosen = select_records(case, options)          # preview: which records, in packet order
    result = export_bundle(case, options, Path("packet.pdf"), Path("bundle.zip"),
                           progress=callback, cancel=token)

``export_bundle`` raises an ``OpinionDesktopError`` (one plain sentence: ``ExportError``,
``DocumentNotIncludedError`` with ``record_id``/``document_id``/``reason``) or ``CancelledError``;
either way nothing is left at the destinations and nothing is logged. ``case.releases`` holds the
log ("what did I send Dr. Mehta on 20 February?").
"""

from opinion_desktop.services.bundle.export import export_bundle
from opinion_desktop.services.bundle.selection import order_records, select_records

__all__ = ["export_bundle", "order_records", "select_records"]
