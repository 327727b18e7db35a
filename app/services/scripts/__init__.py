"""Conversation scripts: the model, the YAML format, validation, the engine and storage.

The calling screen and the results code against the names re-exported here.
"""

from __future__ import annotations

from app.services.scripts.engine import (
    Achieved,
    CallContext,
    ScriptRun,
    missing_settings,
    render,
    spoken_time,
)
from app.services.scripts.loader import LoadResult, load_script, load_script_file, read_script
from app.services.scripts.model import (
    KINDS,
    OUTCOMES,
    PLACEHOLDERS,
    Effects,
    Option,
    Question,
    Script,
    Step,
)
from app.services.scripts.problems import Problem
from app.services.scripts.storage import (
    DEFAULT_KEY,
    StoredScript,
    active_script,
    export_source,
    import_script,
    install_builtin_scripts,
    list_scripts,
    require_active_script,
    save_new_version,
    script_by_id,
    set_active_script,
    times_used,
)
from app.services.scripts.validation import validate
from app.services.scripts.writer import dump_script

__all__ = [
    "DEFAULT_KEY", "KINDS", "OUTCOMES", "PLACEHOLDERS", "Achieved", "CallContext", "Effects",
    "LoadResult", "Option", "Problem", "Question", "Script", "ScriptRun", "Step",
    "StoredScript", "active_script", "dump_script", "export_source", "import_script",
    "install_builtin_scripts", "list_scripts", "load_script", "load_script_file",
    "missing_settings",
    "read_script", "render", "require_active_script", "save_new_version", "script_by_id",
    "set_active_script", "spoken_time", "times_used", "validate",
]
