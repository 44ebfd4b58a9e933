"""The site's Content-Security-Policy, defined once: the header a host sends with every page
(docs/content-security-policy.md), and the same policy as a `<meta http-equiv>` in every page
for hosts that cannot send headers (GitHub Pages, GitLab Pages), without the directives a
meta element cannot carry. The browser tests serve the site with the header and without it.
"""

from __future__ import annotations

# directive -> sources. Why each: docs/content-security-policy.md.
POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("script-src", "'self'"),
    ("font-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("frame-ancestors", "'none'"),
    ("form-action", "'none'"),
)
# The poster SVGs carry their fonts inside (`<style>` with `data:` fonts): their own policy.
POSTER_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("style-src", "'unsafe-inline'"),
    ("font-src", "data:"),
    ("img-src", "data:"),
)
# CSP Level 3, 4.2 / 6.4.1: ignored (with a console warning) when delivered in a meta element.
NOT_IN_META = frozenset({"frame-ancestors", "report-uri", "report-to", "sandbox"})


def _join(policy: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {sources}" for name, sources in policy)


def header() -> str:
    """The `Content-Security-Policy` header value for every HTML page."""
    return _join(POLICY)


def meta() -> str:
    """The policy for `<meta http-equiv="Content-Security-Policy">`: what a meta can carry."""
    return _join(tuple(d for d in POLICY if d[0] not in NOT_IN_META))


def poster_header() -> str:
    """The header value for the poster SVGs in /posters/."""
    return _join(POSTER_POLICY)
