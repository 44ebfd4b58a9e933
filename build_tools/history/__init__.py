"""Versions from git: the adopted texts, word-level differences, adopting a version."""
