"""Reads of the steunpunt app (see the modules)."""
