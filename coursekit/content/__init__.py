"""Typed, validated models of the course content (chapters, glossary, timeline, course data)."""
