"""Where the repository lives and how that forge spells its addresses and words: the edit link
on every page, the staff guide's links, and whether a change is a pull request or a merge
request. `organisatie.yml` names the forge (`forge:`); without it, well-known hosts are
recognised. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

FORGES = ("github", "gitlab", "gitea", "forgejo")
UNKNOWN = "onbekend"

# the path after the repository address, per forge: edit a file, add a file, show a folder
_PATHS = {
    "github": ("edit/{branch}/{path}", "new/{branch}/{path}", "tree/{branch}/{path}"),
    "gitlab": ("-/edit/{branch}/{path}", "-/new/{branch}/{path}", "-/tree/{branch}/{path}"),
    "gitea": ("_edit/{branch}/{path}", "_new/{branch}/{path}", "src/branch/{branch}/{path}"),
}
_PATHS["forgejo"] = _PATHS["gitea"]

# well-known hosts; a self-hosted forge says what it is in organisatie.yml
_HOSTS = {"github.com": "github", "gitlab.com": "gitlab", "codeberg.org": "forgejo",
          "gitea.com": "gitea"}


def infer(repo_url: str | None) -> str:
    """The forge a repository address belongs to, as far as its host tells."""
    host = (urlsplit(repo_url).hostname or "").lower() if repo_url else ""
    if host in _HOSTS:
        return _HOSTS[host]
    for kind in ("gitlab", "forgejo", "gitea", "github"):
        if host.startswith(f"{kind}.") or f".{kind}." in host:
            return kind
    return UNKNOWN


def _link(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


@dataclass(frozen=True)
class Forge:
    """The repository as far as links and words need it. `kind` is one of FORGES or
    `onbekend` (then no edit links: the site would guess the address wrong)."""

    kind: str
    repo: str | None
    branch: str = "main"

    def _url(self, which: int, path: str) -> str | None:
        if not self.repo or self.kind not in _PATHS:
            return None
        template = _PATHS[self.kind][which]
        return _link(f"{self.repo}/" + template.format(branch=quote(self.branch, safe="/"),
                                                         path=path)).rstrip("/")

    def edit(self, path: str) -> str | None:
        return self._url(0, path)

    def new(self, folder: str) -> str | None:
        return self._url(1, folder)

    def tree(self, folder: str) -> str | None:
        if not self.repo:
            return None
        return self._url(2, folder) or _link(self.repo)

    def edit_uri_template(self) -> str | None:
        """MkDocs' `edit_uri_template` (relative to `repo_url`), or None for no edit links."""
        if self.kind not in _PATHS:
            return None
        return _PATHS[self.kind][0].format(branch=quote(self.branch, safe="/"), path="{path}")

    @property
    def request(self) -> str:
        """What a proposed change is called on this forge."""
        return "merge request" if self.kind == "gitlab" else "pull request"

    @property
    def name(self) -> str:
        return {"github": "GitHub", "gitlab": "GitLab", "gitea": "Gitea",
                "forgejo": "Forgejo"}.get(self.kind, "de forge")


def forge_of(organisation: object) -> Forge:
    """The forge of `organisatie.yml`: its `forge:` if given, else what the host tells."""
    repo = (getattr(organisation, "repo_url", None) or "").rstrip("/") or None
    kind = getattr(organisation, "forge", None) or infer(repo)
    return Forge(kind, repo, getattr(organisation, "repo_branch", None) or "main")
