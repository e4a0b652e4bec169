"""Opinion Desktop: an offline case file for a cancer second opinion."""

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # The version is read from the package metadata when first asked for, not at every start:
    # importlib.metadata costs about 20 ms, a tenth of what opening the window may take.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("opinion-desktop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
