"""Tooling for the course module: load and validate content, render pages, quizzes, PDFs and exports."""

__version__ = "1.0.0"
