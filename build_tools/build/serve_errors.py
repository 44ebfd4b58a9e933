"""`mkdocs serve` with a content error: instead of a browser that waits for a build that never
comes (MkDocs 1.6 keeps the last request hanging until a build succeeds), the preview shows a
page listing every issue (file, line, Dutch message, what to do). The page is written as
index.html and as the 404 page, so every address shows it; it asks the browser to look again
every few seconds, and MkDocs' live reload swaps in the real site once the files are fixed."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from build_tools.errors import Issue, sort_issues

RETRY_SECONDS = 3
PAGES = ("index.html", "404.html")

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;
color:#1a1a1a;background:#fff}
h1{font-size:1.6rem;color:#9b1c1c}
ol{padding-left:1.2rem}li{margin:0 0 1rem}
.plek{font-family:ui-monospace,monospace;font-weight:600}
.code{display:inline-block;font-family:ui-monospace,monospace;background:#fde8e8;color:#9b1c1c;
padding:0 .3rem;border-radius:3px}
.hint{color:#374151}.hint::before{content:"Wat je doet: ";font-weight:600}
.uitleg{background:#f3f4f6;padding:.8rem 1rem;border-radius:6px}
""".strip()


def error_page(issues: Sequence[Issue]) -> str:
    """The whole page: every issue in reading order, all text escaped (messages quote
    content)."""
    ordered = sort_issues(issues)
    n = len(ordered)
    items = "\n".join(
        f'<li><span class="plek">{escape(i.path)}</span>, regel {i.line}, kolom {i.col} '
        f'<span class="code">{escape(i.code)}</span><br>{escape(i.message)}'
        + (f'<br><span class="hint">{escape(i.hint)}</span>' if i.hint else "") + "</li>"
        for i in ordered)
    what = "1 fout" if n == 1 else f"{n} fouten"
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{RETRY_SECONDS}">
<title>{what} in de inhoud - voorbeeld</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>De site kan niet gebouwd worden: {what}</h1>
<p class="uitleg">Verbeter de {'fout' if n == 1 else 'fouten'} hieronder en sla het bestand op.
Deze pagina ververst vanzelf; zodra alles klopt, zie je hier weer de site.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def write_error_site(site_dir: Path, issues: Sequence[Issue]) -> None:
    """The error page as the site's start page and as its 404 page."""
    page = error_page(issues).encode("utf-8")
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        (site_dir / name).write_bytes(page)
