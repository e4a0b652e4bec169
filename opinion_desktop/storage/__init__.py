"""The case file on disk: SQLAlchemy models, the engine, migrations, repositories."""

from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file

__all__ = ["CaseFile", "create_case_file", "open_case_file"]
