"""Commands on the case and its records: new, import, list, search, check, demo (to be built)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    del subparsers


__all__ = ["argparse", "register"]
