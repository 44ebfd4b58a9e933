"""What a site build sets in MkDocs' configuration: the site's name, address and source
repository from the content (mkdocs.yml stays generic), our templates, the edit links, and the
pages, navigation, stylesheets, scripts and extra values of the built site."""

from __future__ import annotations

import logging
from html import escape as escape_html

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from build_tools.build import preview
from build_tools.content.forge import UNKNOWN, forge_of
from build_tools.content.model import Datavisie
from build_tools.views.website import Site, csp
from build_tools.views.website.context import GENERIC_SITE_NAME, TEMPLATES, site_name

log = logging.getLogger("mkdocs.plugins.datavisie")
MARKDOWN_EXTENSION = "build_tools.views.website.markdown_ext"
LOGO = "assets/images/beeldmerk.svg"


def adopt_organisation(config: MkDocsConfig, model: Datavisie) -> bool:
    """The site's name, address and repository from organisatie.yml where mkdocs.yml leaves
    them out, and our templates; returns whether pages get a "suggest a change" link."""
    org = model.organisatie
    if config.site_name in ("", GENERIC_SITE_NAME):  # mkdocs.yml stays generic
        # content: escaped, as page titles are (Material prints site_name unescaped)
        config.site_name = Markup(escape_html(site_name(model)))
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
    config.site_url = config.site_url or org.site_url
    if not config.repo_url and org.repo_url:
        config.repo_url = org.repo_url
        config.repo_name = config.repo_name or "Bronbestanden"
    forge = forge_of(org)
    edit_links = bool(config.repo_url) and (
        bool(config.edit_uri_template or config.edit_uri) or forge.kind != UNKNOWN)
    if config.repo_url and not config.edit_uri_template and forge.kind != UNKNOWN:
        # the forge's own form (GitLab `-/edit/`, Gitea `_edit/`); the branch name is
        # content: quoted, it cannot leave the URL (or its attribute)
        config.edit_uri_template = forge.edit_uri_template()
    elif not edit_links and config.repo_url:
        log.info("Geen 'Stel een wijziging voor'-links: zet in content/organisatie.yml "
                 "`forge:` (github, gitlab, gitea of forgejo) voor %s.", config.repo_url)
    return edit_links


def adopt_site(config: MkDocsConfig, site: Site, model: Datavisie, *, serving: bool,
               offline: bool) -> None:
    """The built site's navigation, stylesheets, scripts, glossary and extra values."""
    if not config.nav:
        config.nav = list(site.nav)
    config.extra_css = [*site.css, *config.extra_css]
    config.extra_javascript = [*site.javascript, *config.extra_javascript]
    config.markdown_extensions.append(MARKDOWN_EXTENSION)
    config.mdx_configs[MARKDOWN_EXTENSION] = {"glossary": dict(site.abbreviations)}
    config.extra["datavisie"] = {
        "organisatie": model.organisatie.naam,
        "voet": [{"titel": t, "url": u} for t, u in site.footer],
        # the policy in every page, for hosts that send no header; not under `serve`, whose
        # live-reload script is inline, nor in the preview opened from disk (never published),
        # whose search runs in an iframe the shim writes inline
        "csp": csp.meta() if not (serving or offline) else "",
    }
    extra = preview.for_disk(site.extra) if offline else site.extra
    for key, value in extra.items():  # version selector, feed, concept notice
        config.extra.setdefault(key, value)
    if any(a.path == LOGO for a in site.assets):
        config.theme["logo"] = config.theme["favicon"] = LOGO
