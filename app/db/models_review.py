"""Tables for corrected calls' earlier versions and local plans under district review
(issue 16). Imported from app/db/models.py, so every table is on Base.metadata."""

from __future__ import annotations
