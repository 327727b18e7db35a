"""The results screens: the dashboard, the export dialog and the district roll-up dialog."""
