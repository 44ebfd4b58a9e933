"""Post or update the `datavisie wijzigingen` summary as one note on a GitLab merge request.

Run in a merge-request pipeline: python .gitlab/wijzigingen-notitie.py wijzigingen.md
Needs DATAVISIE_GITLAB_TOKEN (project access token, scope api); without it, does nothing.
Standard library only, so the CI image needs nothing extra.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.parse
import urllib.request

MARKER = "<!-- datavisie-wijzigingen -->"


def request(method: str, url: str, token: str, data: dict[str, str] | None = None) -> object:
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method, headers={
        "PRIVATE-TOKEN": token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 (CI_API_V4_URL)
        return json.loads(resp.read() or b"null")


def main(argv: list[str]) -> int:
    token = os.environ.get("DATAVISIE_GITLAB_TOKEN")
    if not token:
        print("DATAVISIE_GITLAB_TOKEN ontbreekt: de samenvatting staat alleen in het log.")
        return 0
    with open(argv[1], encoding="utf-8") as fh:
        body = fh.read()
    api = os.environ["CI_API_V4_URL"]
    project = urllib.parse.quote(os.environ["CI_PROJECT_ID"], safe="")
    mr = os.environ["CI_MERGE_REQUEST_IID"]
    notes_url = f"{api}/projects/{project}/merge_requests/{mr}/notes"
    page = 1
    existing = None
    while existing is None:
        notes = request("GET", f"{notes_url}?per_page=100&page={page}&sort=asc", token)
        if not isinstance(notes, list) or not notes:
            break
        existing = next((n for n in notes if MARKER in (n.get("body") or "")), None)
        page += 1
    if existing is not None:
        request("PUT", f"{notes_url}/{existing['id']}", token, {"body": body})
    else:
        request("POST", notes_url, token, {"body": body})
    print("Samenvatting geplaatst bij het merge request.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
