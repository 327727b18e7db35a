"""A shared PostgreSQL server for the team: its roles and rights (roles.py, rights.py), how a
laptop connects to it (connection.py) and moving a campaign onto it (upload.py)."""
