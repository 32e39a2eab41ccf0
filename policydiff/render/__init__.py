"""Rendering: turns analysis results into tables, JSON and HTML. Never computes findings."""
