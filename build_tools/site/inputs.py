"""Edge: read what the site is made from (content and house style) for one audience, with
the issues of both reported together as one ContentError."""

from __future__ import annotations

from pathlib import Path

from ..audience import for_audience
from ..errors import ContentError, Issue
from ..load import load
from ..model import Datavisie
from ..style import load_style
from ..tokens import Style


def read_inputs(root: Path, *, content: str = "content", theme: str = "theme",
                audience: str = "publiek") -> tuple[Datavisie, Style]:
    """The filtered model and the checked style; ContentError lists every issue of both."""
    issues: list[Issue] = []
    model: Datavisie | None = None
    style: Style | None = None
    try:
        model = for_audience(load(root, content_dir=content), audience)
    except ContentError as exc:
        issues += exc.issues
    try:
        style = load_style(root / theme, root)
    except ContentError as exc:  # StyleError is a ContentError
        issues += exc.issues
    if issues or model is None or style is None:
        raise ContentError(issues)
    return model, style
