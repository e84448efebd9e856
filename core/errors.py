"""Errors the CLI turns into one clear message and exit code 2 (usage or input errors)."""


class UsageError(Exception):
    """Bad input from the user: the message says what is wrong and how to fix it."""

    exit_code = 2


class SettingError(UsageError):
    """A setting (environment variable) whose value does not validate: the variable, the value
    as shown, and pydantic's error, so the CLI can say it in its reader's language."""

    def __init__(self, name: str, shown: str, error: dict[str, object]) -> None:
        self.name, self.shown, self.error = name, shown, error
        problem = str(error.get("msg", "")).removeprefix("Value error, ")
        super().__init__(
            f"environment variable {name}={shown} is invalid: {problem}. Fix it or unset it."
        )
