"""Errors the CLI turns into one clear message and exit code 2 (usage or input errors)."""


class UsageError(Exception):
    """Bad input from the user: the message says what is wrong and how to fix it."""

    exit_code = 2
