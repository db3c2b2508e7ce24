"""Alembic's script folder for qualcode's schema (see :mod:`qualcode.migrations`)."""
