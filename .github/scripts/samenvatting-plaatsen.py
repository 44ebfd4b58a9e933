"""Post (or update) the change summary as one comment on a GitHub pull request.

Runs in the `workflow_run` workflow samenvatting.yml, which has write access, on the artefact
that the pull-request build (which ran the proposal's code) uploaded. The artefact is
untrusted data:
- the pull request number must belong to the commit that build ran on (HEAD_SHA);
- the text must start with the summary's marker, is cut to a size GitHub accepts, and is made
  inert: no @mentions, no #references, no links or images in Markdown syntax, no HTML but the
  <ins>/<del> the summary uses;
- only a comment of this workflow's own account carrying the marker is ever edited.

    python3 samenvatting-plaatsen.py FOLDER   (FOLDER holds `nummer` and `wijzigingen.md`)

Environment: GITHUB_TOKEN, REPOSITORY (owner/name), HEAD_SHA, RUN_URL; GITHUB_API_URL
(default https://api.github.com). Standard library only.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

MARKER = "<!-- datavisie-wijzigingen -->"
BOT = "github-actions[bot]"
MAX_CHARS = 60_000  # GitHub accepts 65,536 per comment; room for the footer
MAX_READ = 1_000_000

_OTHER_HTML = re.compile(r"<(?!/?(?:ins|del)>)")
_REFERENCE_DEFINITION = re.compile(r"^(\s{0,3})\[", re.M)


def sanitise(text: str) -> str | None:
    """The summary made inert for posting, or None when it is not a summary at all."""
    text = text.replace("\r\n", "\n").replace("\0", "")
    if not text.startswith(MARKER + "\n"):
        return None
    body = text[len(MARKER) + 1:]
    if len(body) > MAX_CHARS:
        body = body[:MAX_CHARS].rsplit("\n", 1)[0] + "\n\n... (ingekort: te lang voor een reactie)"
    body = _OTHER_HTML.sub("&lt;", body)  # HTML: only the summary's own <ins> and <del>
    body = body.replace("@", "&#64;")  # no one is notified by a comment from a proposal
    # an even number of backslashes leaves what follows active Markdown
    body = re.sub(r"(?<![\\&])((?:\\\\)*)#(?=\d)", r"\1&#35;", body)  # no #references
    body = re.sub(r"(?<!\\)((?:\\\\)*)\]\(", r"\1]\\(", body)  # no inline links or images
    body = _REFERENCE_DEFINITION.sub(r"\1\\[", body)  # no reference-style link definitions
    return MARKER + "\n" + body


def footer(run_url: str, number: int) -> str:
    return (f"\n---\nVoorbeeld van de site: open [de controle]({run_url}) en download "
            f"*voorbeeld-site-{number}* onder *Artifacts*. Pak het zip-bestand uit en open "
            "`index.html`; ook zoeken werkt zo.\n")


class Api:
    def __init__(self, base: str, token: str, repository: str) -> None:
        self.base, self.token, self.repository = base.rstrip("/"), token, repository

    def call(self, method: str, path: str, data: dict[str, Any] | None = None) -> Any:
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(
            f"{self.base}/repos/{self.repository}{path}", data=body, method=method,
            headers={"Authorization": f"Bearer {self.token}",
                     "Accept": "application/vnd.github+json",
                     "X-GitHub-Api-Version": "2022-11-28",
                     "User-Agent": "datavisie-samenvatting",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return json.loads(response.read() or b"null")


def _number(folder: Path) -> int | None:
    try:
        raw = (folder / "nummer").read_text(encoding="utf-8")[:20].strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10**9 else None


def _summary(folder: Path) -> str | None:
    try:
        with (folder / "wijzigingen.md").open("rb") as handle:
            return handle.read(MAX_READ).decode("utf-8", "replace")
    except OSError:
        return None


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(".")
    env = os.environ
    api = Api(env.get("GITHUB_API_URL", "https://api.github.com"), env["GITHUB_TOKEN"],
              env["REPOSITORY"])
    number, text = _number(folder), _summary(folder)
    if number is None or text is None:
        print("Geen bruikbaar pull-requestnummer of samenvatting in het artefact; niets "
              "geplaatst.", file=sys.stderr)
        return 1
    pull = api.call("GET", f"/pulls/{number}")
    if not isinstance(pull, dict) or pull.get("head", {}).get("sha") != env["HEAD_SHA"]:
        print(f"Pull request {number} hoort niet bij commit {env['HEAD_SHA']}: niets "
              "geplaatst.", file=sys.stderr)
        return 1
    body = sanitise(text)
    if body is None:
        body = (MARKER + "\n## Wat deze wijziging doet\n\nDe samenvatting kon niet gelezen "
                "worden; het logboek van de controle zegt meer.\n")
    body += footer(env["RUN_URL"], number)
    mine = None
    page = 1
    while mine is None and page <= 50:  # 5,000 comments; a bot's own comes early
        comments = api.call("GET", f"/issues/{number}/comments?per_page=100&page={page}")
        if not isinstance(comments, list) or not comments:
            break
        mine = next((c for c in comments if (c.get("user") or {}).get("login") == BOT
                     and MARKER in (c.get("body") or "")), None)
        page += 1
    try:
        if mine is not None:
            api.call("PATCH", f"/issues/comments/{mine['id']}", {"body": body})
        else:
            api.call("POST", f"/issues/{number}/comments", {"body": body})
    except urllib.error.HTTPError as exc:
        print(f"De reactie plaatsen lukte niet: {exc.code} {exc.reason}.", file=sys.stderr)
        return 1
    print(f"Samenvatting geplaatst bij pull request {number}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
