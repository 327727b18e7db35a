"""Write a file under a temporary name and rename it: never a half-written export.

The implementation is shared with every command that writes a file:
`app.services.output_paths.atomic_write`.
"""

from __future__ import annotations

from app.services.output_paths import atomic_write as atomic_path

__all__ = ["atomic_path"]
