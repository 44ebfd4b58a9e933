"""Post or update the `datavisie wijzigingen` summary as one note on a GitLab merge request.

Run in a merge-request pipeline: python3 .gitlab/wijzigingen-notitie.py wijzigingen.md
Needs DATAVISIE_GITLAB_TOKEN (project access token, role Reporter, scope api). Only a note
written by the token's own user and carrying the summary's marker is ever edited; a note by
anyone else is left alone, whatever it says.

Exit codes: 0 posted; 3 no usable token (the job is allowed to fail with 3, so the pipeline
shows it as a warning, with the explanation in the log); 1 anything else.
Standard library only, so the CI image needs nothing extra.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

MARKER = "<!-- datavisie-wijzigingen -->"
NO_TOKEN = 3


def loud(lines: list[str]) -> None:
    """A message that stands out in the job log (GitLab shows ANSI colours)."""
    bar = "=" * 78
    print("\n".join(["\033[1;33m" + bar, *lines, bar + "\033[0m"]), file=sys.stderr)


def missing_token() -> int:
    protected = os.environ.get("CI_COMMIT_REF_PROTECTED") == "true"
    branch = os.environ.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") or os.environ.get(
        "CI_COMMIT_REF_NAME", "?")
    fork = (os.environ.get("CI_MERGE_REQUEST_SOURCE_PROJECT_ID")
            not in (None, "", os.environ.get("CI_PROJECT_ID")))
    lines = ["LET OP: geen notitie bij het merge request. DATAVISIE_GITLAB_TOKEN ontbreekt in "
             "deze pipeline.",
             "De samenvatting staat wel in het log en als download bij de job 'wijzigingen'.",
             ""]
    if fork:
        lines.append("Dit merge request komt uit een fork: een pipeline in de fork krijgt de "
                     "variabelen van dit project niet. Start de pipeline in dit project (knop "
                     "'Run pipeline' in het merge request).")
    elif not protected:
        lines.append(f"De tak '{branch}' is niet beschermd. Staat bij de variabele het vinkje "
                     "'Protect variable' aan (de standaard in GitLab), dan bestaat ze hier niet.")
        lines.append("Oplossing: Settings > CI/CD > Variables > DATAVISIE_GITLAB_TOKEN > "
                     "'Protect variable' uit (laat 'Mask variable' aan).")
    lines.append("Nog geen token? Maak een project access token (rol Reporter, scope api) en "
                 "zet het als variabele DATAVISIE_GITLAB_TOKEN.")
    loud(lines)
    return NO_TOKEN


def request(method: str, url: str, token: str, data: dict[str, str] | None = None) -> Any:
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method, headers={
        "PRIVATE-TOKEN": token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 (CI_API_V4_URL)
        return json.loads(resp.read() or b"null")


def main(argv: list[str]) -> int:
    token = os.environ.get("DATAVISIE_GITLAB_TOKEN", "").strip()
    if not token:
        return missing_token()
    with open(argv[1], encoding="utf-8") as fh:
        body = fh.read()
    api = os.environ["CI_API_V4_URL"].rstrip("/")
    project = urllib.parse.quote(os.environ["CI_PROJECT_ID"], safe="")
    mr = os.environ["CI_MERGE_REQUEST_IID"]
    notes_url = f"{api}/projects/{project}/merge_requests/{mr}/notes"
    try:
        me = request("GET", f"{api}/user", token)
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            loud([f"LET OP: DATAVISIE_GITLAB_TOKEN werkt niet ({exc.code}): verlopen, "
                  "ingetrokken of zonder scope api.",
                  "Maak een nieuw project access token (rol Reporter, scope api)."])
            return NO_TOKEN
        raise
    my_id = me.get("id") if isinstance(me, dict) else None
    page, existing = 1, None
    while existing is None and page <= 50:
        notes = request("GET", f"{notes_url}?per_page=100&page={page}&sort=asc", token)
        if not isinstance(notes, list) or not notes:
            break
        existing = next((n for n in notes if MARKER in (n.get("body") or "")
                         and my_id is not None
                         and (n.get("author") or {}).get("id") == my_id), None)
        page += 1
    if existing is not None:
        request("PUT", f"{notes_url}/{existing['id']}", token, {"body": body})
        print("Samenvatting bijgewerkt bij het merge request.")
    else:
        request("POST", notes_url, token, {"body": body})
        print("Samenvatting geplaatst bij het merge request.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
