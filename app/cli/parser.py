"""An argparse parser whose errors are one clear line and exit code 2."""

from __future__ import annotations

import argparse
from typing import NoReturn

from app.errors import UserError


class ArgumentError(UserError):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ArgumentError("{message} (see '{prog} --help')", prog=self.prog,
                            message=message)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be above zero")
    return value
