"""Calling packs in the window (issue 13; docs/packs.md): the organiser's Ringpaket page and
its wizard with printed code slips, and the File menu's open, return and receive."""
