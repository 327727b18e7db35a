"""Tables for the record of processing per campaign (GDPR Art. 30, issue 14). Imported from
app/db/models.py, so every table is on Base.metadata."""

from __future__ import annotations
