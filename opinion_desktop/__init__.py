"""Opinion Desktop: an offline case file for a cancer second opinion."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("opinion-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
