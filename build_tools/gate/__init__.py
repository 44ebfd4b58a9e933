"""Checks on a finished output before it is published: leaks, links, the rules."""
