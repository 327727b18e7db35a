"""`ringkvall call`: checks the names first, then hands over to the window."""

from __future__ import annotations

import argparse

import pytest

from app.cli.main import main
from app.db.database import Database
from tests.calling_helpers import make_campaign


def test_call_opens_the_window_on_the_calling_screen(
    db: Database, db_url: str
) -> None:
    with db.transaction() as s:
        make_campaign(s, "Höst", group="Norr")
    seen: list[argparse.Namespace] = []

    def window(args: argparse.Namespace) -> int:
        seen.append(args)
        return 0

    code = main(["--db", db_url, "call", "--campaign", "Höst", "--group", "Norr",
                 "--volunteer", "Kim"], gui_runner=window)
    assert code == 0
    assert seen[0].gui_screen == "call"
    assert (seen[0].campaign, seen[0].group, seen[0].volunteer) == ("Höst", "Norr", "Kim")


@pytest.mark.parametrize(("argv", "message"), [
    (["call", "--campaign", "Vår"], "No campaign named 'Vår' (campaigns: Höst)"),
    (["call", "--campaign", "Höst", "--group", "Söder"], "has no target group named 'Söder'"),
    (["call", "--volunteer", " "], "--volunteer needs a name"),
])
def test_call_names_a_wrong_campaign_or_group_on_one_line(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str],
    message: str,
) -> None:
    with db.transaction() as s:
        make_campaign(s, "Höst", group="Norr")
    code = main(["--db", db_url, *argv], gui_runner=lambda _a: 0)
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1


def test_call_without_a_window_is_a_user_error(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.transaction() as s:
        make_campaign(s, "Höst")
    assert main(["--db", db_url, "call"]) == 2
    assert "window" in capsys.readouterr().err
