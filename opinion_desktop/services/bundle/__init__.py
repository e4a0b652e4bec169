"""The bundle for the consulting specialist: the PDF packet, the archive, the release log."""

from opinion_desktop.services.bundle.export import export_bundle

__all__ = ["export_bundle"]
