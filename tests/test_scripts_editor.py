"""The script editor in a real window (offscreen): edit, branch, validate, save, preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.db.models import Campaign
from app.services.scripts import DEFAULT_KEY, install_builtin_scripts, script_by_id
from app.services.scripts.storage import builtin_dir
from tests.scripts_helpers import make_campaign
from ui.context import UiContext
from ui.scripts.page import ScriptsPage


def _campaign(ui_ctx: UiContext) -> int:
    with ui_ctx.db.transaction() as session:
        campaign = make_campaign(session)
        install_builtin_scripts(session, campaign)
        return campaign.id


def _page(qtbot: QtBot, ui_ctx: UiContext) -> ScriptsPage:
    page = ScriptsPage(ui_ctx, _campaign(ui_ctx))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    return page


def _problems(page: ScriptsPage) -> list[str]:
    return [page.editor.problem_list.item(i).text()
            for i in range(page.editor.problem_list.count())]


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_edit_branch_validate_save_and_preview(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = _page(qtbot, ui_ctx)
    editor, form = page.editor, page.editor.form
    assert editor.base is not None and editor.base.key == DEFAULT_KEY
    v1_id = editor.base.id
    assert editor.problems == [] and not page.save_button.isEnabled()

    # Edit a step's title.
    editor.select_step("meeting")
    form.title.clear()
    qtbot.keyClicks(form.title, "Bjud in till ")
    form.title.insert("mötet")  # QTest types ASCII only
    assert editor.script().step("meeting").title == "Bjud in till mötet"
    assert page.save_button.isEnabled()

    # Add an option leading to a step that does not exist yet: a problem appears.
    editor.select_step("moment")
    _click(qtbot, form.options.add_button)
    form.options.label.clear()
    qtbot.keyClicks(form.options.label, "Har bara en minut")
    qtbot.keyClicks(form.options.next.lineEdit(), "kort")
    form.options.effects.outcome.set_value("conversation")
    # The problem list is in Swedish, as the window is.
    assert _problems(page) == [
        "Steget 'moment': Alternativet 'option5' leder ingenstans: det finns inget steg 'kort'",
    ]
    assert "1 problem: manuset kan inte användas" in page.status.text()
    assert not page.preview_button.isEnabled()
    assert editor.step_list.item(1).toolTip() == "Det här steget har ett problem"

    # Clicking the problem selects the step it is about.
    editor.select_step("intro")
    editor.problem_list.itemClicked.emit(editor.problem_list.item(0))
    assert editor.script().steps[editor.current_row()].id == "moment"

    # Write the new branch: the problem disappears.
    _click(qtbot, editor.add_button)
    form.step_id.clear()
    qtbot.keyClicks(form.step_id, "kort")
    form.title.clear()
    qtbot.keyClicks(form.title, "Kort version")
    form.text.setFocus()
    form.text.insertPlainText("Då tar jag det kort. ")
    qtbot.keyClicks(form.text, "Det galler ")
    form.placeholders.insert("local_issue")
    qtbot.keyClicks(form.next.lineEdit(), "meeting")
    assert editor.problems == []
    assert _problems(page) == ["Inga problem: manuset kan användas när ni ringer."]
    assert "problem" not in page.status.text()
    script = editor.script()
    assert script.step("kort").text == "Då tar jag det kort. Det galler {local_issue}"
    assert script.step("kort").next == "meeting"
    moment = script.step("moment").question
    assert moment is not None and moment.option("option5") is not None
    assert moment.option("option5").next == "kort"  # type: ignore[union-attr]

    # Save as a new version: version 2 is used for calling, version 1 is untouched.
    with qtbot.waitSignal(ui_ctx.events.changed) as signal:
        _click(qtbot, page.save_button)
    assert signal.args == ["scripts"]
    assert editor.base is not None and editor.base.version == 2 and not editor.dirty
    with ui_ctx.db.session() as session:
        campaign = session.get(Campaign, page.campaign_id)
        assert campaign is not None and campaign.script_id == editor.base.id
        v2 = script_by_id(session, editor.base.id)
        v1 = script_by_id(session, v1_id)
    assert v2.origin == "edited" and v2.valid and v2.script.step("kort").title == "Kort version"
    assert not v1.script.has_step("kort") and v1.script.step("meeting").title != \
        "Bjud in till mötet"
    assert page.list.count() == 4
    assert "2" in page.list.currentItem().text()

    # Preview to the end along the new branch.
    _click(qtbot, page.preview_button)
    dialog = page.preview_dialog
    qtbot.waitExposed(dialog)
    view = dialog.panel  # the calling screen's own script panel
    assert view.step_text.text().startswith("Hej! Är det Anna?")
    assert "Föreningen Test" in view.step_text.text()

    def choose(value: str) -> None:
        button = view.findChild(QPushButton, f"option_{value}")
        assert button is not None, value
        qtbot.waitUntil(button.isVisible)
        _click(qtbot, button)

    choose("yes")
    choose("option5")
    assert dialog.run.current.id == "kort"
    assert view.step_text.text() == "Då tar jag det kort. Det galler parken vid skolan"
    _click(qtbot, view.forward)
    assert "Alex Exempel" in view.step_text.text()
    choose("yes")
    _click(qtbot, view.back)  # undo the meeting answer
    assert dialog.run.current.id == "meeting" and "meeting" not in dialog.run.answers
    choose("yes")
    choose("no")
    choose("no")
    summary = dialog.findChild(QLabel, "previewSummary")
    assert summary is not None and not summary.isVisible()
    _click(qtbot, view.forward)
    assert dialog.run.finished
    qtbot.waitUntil(summary.isVisible)
    assert dialog.run.path == ["intro", "moment", "kort", "meeting", "membership_ask",
                               "follow_up", "thanks"]
    assert dialog.run.achieved.meeting_signup and dialog.run.achieved.outcome == "conversation"
    assert "has_time: Har bara en minut" in summary.text()
    dialog.close()


def test_broken_import_can_be_opened_but_not_used(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    page = _page(qtbot, ui_ctx)
    broken = tmp_path / "trasigt.yaml"
    broken.write_text("key: trasigt\nname: Trasigt\nsteps:\n  - id: a\n    title: A\n"
                      "    text: Hej {fornamn}\n    next: b\n", encoding="utf-8")
    page.import_file(broken)
    qtbot.waitUntil(lambda: page.editor.base is not None and page.editor.base.key == "trasigt")
    texts = _problems(page)
    assert texts[0].startswith("Steget 'a': Okänd platshållare {fornamn} (de som finns:")
    assert texts[1] == "Steget 'a': Går vidare till ett steg som inte finns: 'b'"
    assert not page.editor.base.valid  # type: ignore[union-attr]
    with ui_ctx.db.session() as session:
        campaign = session.get(Campaign, page.campaign_id)
        assert campaign is not None
        assert script_by_id(session, campaign.script_id).key == DEFAULT_KEY  # type: ignore[arg-type]


def test_export_writes_the_selected_version(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    page = _page(qtbot, ui_ctx)
    target = tmp_path / "ut.yaml"
    script_id = page.selected_id()
    assert script_id is not None
    page.export_file(script_id, target)
    qtbot.waitUntil(target.exists)
    qtbot.waitUntil(lambda: page.export_button.isEnabled())
    assert target.read_text("utf-8") == \
        (builtin_dir() / "local_issue_sv.yaml").read_text("utf-8")


def test_script_export_replaces_a_file_whole_and_never_the_database(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    import os

    import pytest

    from app.errors import UserError
    from app.services.campaign_edit import create_campaign
    from app.services.output_paths import OutputExists
    from app.services.scripts.actions import export_script_file

    campaign_id = create_campaign(db, "Manuskampanj")
    with db.session() as session:
        script_id = session.get_one(Campaign, campaign_id).script_id
    assert script_id is not None
    expected = (builtin_dir() / "local_issue_sv.yaml").read_text("utf-8")
    folder = tmp_path / "ut"
    folder.mkdir()
    target = folder / "manus.yaml"
    target.write_text("the previous file", "utf-8")
    with pytest.raises(OutputExists):
        export_script_file(db, script_id, target, force=False)
    assert target.read_text("utf-8") == "the previous file"
    export_script_file(db, script_id, target)  # the save dialog has asked: replaced
    assert target.read_text("utf-8") == expected
    assert os.listdir(folder) == ["manus.yaml"]  # written beside it, renamed, nothing left
    if db.location.sqlite_path is None:
        return  # PostgreSQL: no database file to protect
    database = db_path.read_bytes()
    with pytest.raises(UserError, match="part of the database"):
        export_script_file(db, script_id, db_path)
    assert db_path.read_bytes() == database


def test_opened_from_the_main_window_and_back_home(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.main_window import MainWindow

    campaign_id = _campaign(ui_ctx)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.home.refresh()
    window.home.select_campaign(campaign_id)
    assert ui_ctx.campaign_id == campaign_id
    window.open_scripts()
    page = window.pages.currentWidget()
    assert isinstance(page, ScriptsPage) and page.campaign_id == campaign_id
    assert page.heading.text() == "Samtalsmanus: Testkampanj"
    _click(qtbot, page.back_button)
    assert window.pages.currentWidget() is window.home


def test_switching_to_english_retranslates_the_screen(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui import i18n

    page = _page(qtbot, ui_ctx)
    assert page.save_button.text() == "S&para som ny version"
    assert page.editor.fields.labels[3].text() == "&Samtyckestext:"
    i18n.set_language("en")
    qtbot.waitUntil(lambda: page.save_button.text() == "Save as ne&w version")
    assert page.editor.form.labels["text"].text() == "What the caller sa&ys:"
    assert page.editor.fields.labels[3].text() == "&Consent text:"
    assert _problems(page) == ["No problems: the script can be used for calling."]


def test_a_new_campaign_gets_the_builtin_scripts_when_opened(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    with ui_ctx.db.transaction() as session:
        campaign_id = make_campaign(session, "Ny kampanj").id
    page = ScriptsPage(ui_ctx, campaign_id)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.list.count() == 3)
    assert page.editor.base is not None and page.editor.base.key == DEFAULT_KEY
    with ui_ctx.db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None and campaign.script_id == page.editor.base.id
