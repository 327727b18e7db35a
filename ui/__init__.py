"""The Qt user interface. Talks to the database only through app services."""
