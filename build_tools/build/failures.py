"""How a site build stops, as MkDocs plugin errors that carry our exit codes (build/site.py
turns them into 1 or 2)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from build_tools.errors import LeakError


class ContentProblem(PluginError):
    """Content or house-style errors (exit code 1): the message lists every issue."""


class LeakFound(PluginError):
    """The public output holds internal content, a build path or an e-mail address (exit 2)."""

    def __init__(self, findings: list[str]) -> None:
        self.findings = findings
        super().__init__(f"{LeakError(findings)}\nEr is niets gepubliceerd; de vorige site "
                         "staat er nog.")


class BrokenLinks(PluginError):
    """Links or anchors inside the site that lead nowhere (exit code 1)."""

    def __init__(self, links: list[str]) -> None:
        self.links = links
        super().__init__("Links die nergens heen gaan (pagina: link):\n"
                         + "\n".join(f"  {link}" for link in links)
                         + "\nVerbeter de link in de inhoud; de vorige site staat er nog.")
