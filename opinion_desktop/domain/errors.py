"""Errors a user can be shown: each carries one plain sentence."""

from __future__ import annotations


class OpinionDesktopError(Exception):
    """Base class. ``str(error)`` is a sentence fit to show a patient."""


class CaseFileError(OpinionDesktopError):
    """The case file cannot be opened or written."""


class NotACaseFileError(CaseFileError):
    """The file exists but is not an Opinion Desktop case file."""


class CaseFileTooNewError(CaseFileError):
    """The case file was written by a newer version of the program."""


class CaseFileLockedError(CaseFileError):
    """Another window or program has the case file open."""


class PassphraseRequiredError(CaseFileError):
    """The case file is locked with a passphrase and none was given."""


class WrongPassphraseError(CaseFileError):
    """The passphrase given does not open the case file."""


class ImportRefusedError(OpinionDesktopError):
    """One input file cannot be imported; the message says why."""


class PasswordRequiredError(ImportRefusedError):
    """The PDF is encrypted and no password was given."""


class WrongPasswordError(ImportRefusedError):
    """The PDF is encrypted and the password given does not open it."""


class NotFoundError(OpinionDesktopError):
    """A record, document or opinion asked for does not exist."""
