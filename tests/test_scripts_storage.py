"""Scripts in the database: built-ins, versions that never change, activation, the CLI."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.db.database import Database
from app.db.models import Call, Campaign
from app.db.models import Script as ScriptRow
from app.errors import UserError
from app.services.demo import PRACTICE_NAME, create_practice_campaign
from app.services.scripts import (
    DEFAULT_KEY,
    active_script,
    import_script,
    install_builtin_scripts,
    list_scripts,
    save_new_version,
    script_by_id,
    set_active_script,
    times_used,
)
from app.services.scripts.storage import builtin_dir
from tests.scripts_helpers import make_call, make_campaign

BROKEN = "key: broken\nname: Trasigt\nsteps:\n  - id: a\n    title: A\n    next: b\n"


def test_install_is_idempotent_and_activates_the_swedish_script(db: Database) -> None:
    with db.transaction() as session:
        campaign = make_campaign(session)
        install_builtin_scripts(session, campaign)
        install_builtin_scripts(session, campaign)
        stored = active_script(session, campaign.id)
        assert stored is not None
        assert (stored.key, stored.version, stored.origin, stored.valid) == \
            (DEFAULT_KEY, 1, "builtin", True)
        assert stored.script.language == "sv" and stored.consent_text
        keys = [(s.key, s.version) for s in list_scripts(session, campaign.id)]
        assert keys == [("local_issue_en", 1), ("local_issue_sv", 1), ("members_sv", 1)]


def test_demo_gives_the_practice_campaign_the_default_script(db: Database) -> None:
    with db.transaction() as session:
        campaign, _ = create_practice_campaign(session)
    with db.session() as session:
        campaign = session.scalars(select(Campaign).where(Campaign.name == PRACTICE_NAME)).one()
        stored = active_script(session, campaign.id)
        assert stored is not None and stored.key == DEFAULT_KEY


def test_calls_keep_the_version_they_used(db: Database) -> None:
    with db.transaction() as session:
        campaign = make_campaign(session)
        install_builtin_scripts(session, campaign)
        v1 = active_script(session, campaign.id)
        assert v1 is not None
        call = make_call(session, campaign, v1.id)
        call_id = call.id
        # The organiser rewords a question and adds a new one.
        script = v1.script
        steps = list(script.steps)
        index = [s.id for s in steps].index("issue")
        assert steps[index].question is not None
        steps[index] = replace(steps[index], title="Vad tycker du?",
                               question=replace(steps[index].question, key="opinion_v2"))
        v2 = save_new_version(session, v1.id, replace(script, steps=tuple(steps)))
        assert (v2.key, v2.version, v2.origin, v2.valid) == (DEFAULT_KEY, 2, "edited", True)
        assert active_script(session, campaign.id) == v2
        assert times_used(session, v1.id) == 1 and times_used(session, v2.id) == 0
    with db.session() as session:
        call_row = session.get(Call, call_id)
        assert call_row is not None and call_row.script_id is not None
        used = script_by_id(session, call_row.script_id)
        assert used.version == 1
        assert "issue_opinion" in [q.key for _s, q in used.script.questions()]
        assert "opinion_v2" not in [q.key for _s, q in used.script.questions()]
        current = active_script(session, call_row.campaign_id)
        assert current is not None and current.version == 2
        assert "opinion_v2" in [q.key for _s, q in current.script.questions()]
        # Version 1's stored text is exactly the built-in file still.
        row = session.get(ScriptRow, used.id)
        assert row is not None
        assert row.source == (builtin_dir() / "local_issue_sv.yaml").read_text("utf-8")


def test_invalid_scripts_are_stored_but_never_used_for_calling(db: Database) -> None:
    with db.transaction() as session:
        campaign = make_campaign(session)
        install_builtin_scripts(session, campaign)
        stored = import_script(session, campaign, BROKEN, "broken.yaml")
        assert not stored.valid and stored.origin == "imported"
        assert "Goes on to unknown step 'b'" in str(stored.problems[0])
        with pytest.raises(UserError, match="has errors and cannot be used for calling"):
            set_active_script(session, campaign, stored.id)
        # An invalid edit is saved as a version but the campaign keeps its valid script.
        saved = save_new_version(session, stored.id, stored.script)
        assert saved.version == 2 and not saved.valid
        active = active_script(session, campaign.id)
        assert active is not None and active.key == DEFAULT_KEY
        # If an invalid script is somehow active, calling refuses it.
        campaign.script_id = stored.id
        session.flush()
        with pytest.raises(UserError, match="Trasigt"):
            active_script(session, campaign.id)
        with pytest.raises(UserError, match="Not valid YAML"):
            import_script(session, campaign, "steps: [", "x.yaml")


def test_import_numbers_versions_per_key(db: Database) -> None:
    text = (builtin_dir() / "members_sv.yaml").read_text("utf-8")
    with db.transaction() as session:
        campaign = make_campaign(session)
        install_builtin_scripts(session, campaign)
        stored = import_script(session, campaign, text, "members.yaml", activate=True)
        assert (stored.key, stored.version, stored.valid) == ("members_sv", 2, True)
        assert "version: 2" in stored.source and "# Built-in script" in stored.source
        assert campaign.script_id == stored.id


# --- the command line ------------------------------------------------------------------------

def test_cli_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = builtin_dir() / "local_issue_sv.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN.replace("title: A", "title: Hej {namn}"), encoding="utf-8")
    assert main(["script", "check", str(good)]) == 0
    assert capsys.readouterr().out == f"{good}: ok\n"
    assert main(["script", "check", str(good), str(bad)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{good}: ok"
    assert lines[1].startswith(f"{bad}:5: step 'a': Unknown placeholder {{namn}}")
    assert lines[2] == f"{bad}:6: step 'a': Goes on to unknown step 'b'"
    assert main(["script", "check", str(tmp_path / "missing.yaml")]) == 2


def test_cli_import_and_export(db_url: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "demo"]) == 0
    source = (builtin_dir() / "members_sv.yaml").read_text("utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text(source.replace("Ring våra medlemmar", "Ring medlemmarna"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db_url, "script", "import", str(mine),
                 "--campaign", PRACTICE_NAME]) == 0
    assert "as version 2" in capsys.readouterr().out
    out = tmp_path / "out.yaml"
    assert main(["--db", db_url, "script", "export", "--campaign", PRACTICE_NAME,
                 "-o", str(out)]) == 0
    exported = out.read_text("utf-8")
    assert "name: Ring medlemmarna" in exported and "version: 2" in exported
    old = tmp_path / "old.yaml"
    assert main(["--db", db_url, "script", "export", "--campaign", PRACTICE_NAME,
                 "--key", "members_sv", "--version", "1", "-o", str(old)]) == 0
    assert old.read_text("utf-8") == source
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    assert main(["--db", db_url, "script", "import", str(bad),
                 "--campaign", PRACTICE_NAME]) == 2
    assert "Goes on to unknown step 'b'" in capsys.readouterr().err
    assert main(["--db", db_url, "script", "import", str(mine),
                 "--campaign", "Finns inte"]) == 2
    assert main(["--db", db_url, "script", "list", "--campaign", PRACTICE_NAME]) == 0
    listing = capsys.readouterr().out
    assert "* members_sv" in listing and "v2" in listing
