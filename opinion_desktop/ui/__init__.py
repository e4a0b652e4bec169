"""The window: Qt widgets, Qt models over domain objects, worker threads."""

from opinion_desktop.ui import qt_compat as _qt_compat  # noqa: F401  (must run before any window)
