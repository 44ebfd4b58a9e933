"""Poster SVG as pure text: a kind's builder fills the values, the definition's Jinja template
(XML autoescaping: content can never become markup) draws them, and the fonts used are
embedded as subsets. Same model, style and definition -> byte-identical SVG.
"""

from __future__ import annotations

import traceback
from functools import lru_cache
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from markupsafe import Markup

from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue
from build_tools.housestyle.tokens import Style
from build_tools.views.posters.assets import embed_fonts, face_files
from build_tools.views.posters.budget import LimitExceeded
from build_tools.views.posters.kinds import REGISTRY, Card, Job, poster_label
from build_tools.views.posters.sandbox import PosterEnvironment, render
from build_tools.views.posters.scene import Fitter, Fonts
from build_tools.views.posters.textfit import xml_safe

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "posters"


def _n(value: float) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _finalize(value: object) -> object:
    """Every value a template prints: characters XML 1.0 forbids are dropped (escaping alone
    would still leave a control character that makes the SVG unreadable)."""
    if isinstance(value, Markup):
        return Markup(xml_safe(str(value)))
    return xml_safe(value) if isinstance(value, str) else value


@lru_cache(maxsize=8)
def environment(folder: str) -> PosterEnvironment:
    """The sandbox the folder's templates run in (sandbox.py)."""
    env = PosterEnvironment(folder, _finalize)
    env.add_filter("n", _n)
    return env


def compose(model: Datavisie, style: Style, job: Job, *, posters_dir: Path | None = None,
            card: Card | None = None, embed: bool = True) -> tuple[str, list[Issue]]:
    """The poster's SVG and the issues of text that cannot fit (left out of the SVG).

    `embed=False` leaves the font subsets out (the fonts mark, an XML comment, stays for
    `embed_svg`): for layout checks and for SVG that is only rasterised (the workers draw
    with the theme's font files through fontconfig, so the pixels are the same), where
    subsetting would be most of the work."""
    fonts = Fonts.of(style)
    fitter = Fitter(job.defn, poster_label(job), fonts)
    ctx = REGISTRY[job.defn.kind].build(model, style, job, fitter, card)
    ctx["name"] = job.name
    folder = posters_dir or DEFAULT_DIR
    try:
        svg = render(environment(str(folder)).get_template(job.defn.template), ctx)
    except Exception as exc:
        issue = template_issue(exc, folder, job.defn.template)
        if issue is None:
            raise
        raise ContentError([issue]) from None
    return (embed_svg(svg, style) if embed else svg), fitter.issues


def template_issue(exc: BaseException, folder: Path, name: str) -> Issue | None:
    """A failing poster template as a content issue at its line (templates are the
    organisation's files, like content): a syntax error, a missing include, an unknown
    name, a reach outside the sandbox, a limit passed, or an error raised while the
    template's own code ran. None for anything else: an error in our code stays an
    internal error."""
    where = _template_frame(exc, folder)
    path, line = where or (folder / name, 1)
    if isinstance(exc, SecurityError):
        return Issue(_rel(path, folder), line, 1, "DP013",
                     f"postersjabloon probeert iets wat een sjabloon niet mag: {exc}",
                     "een sjabloon tekent alleen de waarden die het krijgt; het kan geen code "
                     "uitvoeren en geen bestanden lezen of schrijven")
    if isinstance(exc, LimitExceeded | RecursionError) and (
            not isinstance(exc, LimitExceeded) or exc.kind == "werk"):
        what = str(exc) if isinstance(exc, LimitExceeded) else "roept zichzelf te diep aan"
        return Issue(_rel(path, folder), line, 1, "DP014",
                     f"postersjabloon doet te veel werk: {what}",
                     "maak herhalingen kleiner en laat een macro zichzelf niet eindeloos "
                     "aanroepen")
    if isinstance(exc, LimitExceeded | MemoryError):
        what = str(exc) if isinstance(exc, LimitExceeded) else "te weinig geheugen"
        return Issue(_rel(path, folder), line, 1, "DP015",
                     f"postersjabloon maakt te veel tekst: {what}",
                     "herhaal of vermenigvuldig tekst niet zo vaak")
    if isinstance(exc, TemplateSyntaxError):
        path = Path(exc.filename) if exc.filename else folder / (exc.name or name)
        return Issue(_rel(path, folder), exc.lineno or 1, 1, "DP011",
                     f"fout in postersjabloon: {exc.message}",
                     "controleer de haakjes {{ }} en {% %} en of elk blok wordt afgesloten")
    if isinstance(exc, TemplateNotFound):
        return Issue(_rel(path, folder), line, 1, "DP012",
                     f"sjabloon `{exc.name}` bestaat niet in posters/",
                     "verbeter de naam of voeg het sjabloon toe")
    if isinstance(exc, UndefinedError):
        return Issue(_rel(path, folder), line, 1, "DP011",
                     f"onbekende naam in postersjabloon: {exc.message}",
                     "gebruik alleen de waarden die de andere sjablonen ook gebruiken")
    if isinstance(exc, TemplateError) or where is not None:
        return Issue(_rel(path, folder), line, 1, "DP011",
                     "fout in postersjabloon: een waarde past niet bij wat de regel ermee doet "
                     f"({type(exc).__name__}: {exc})",
                     "controleer de regel; een filter als `|n` verwacht een getal")
    return None


def _template_frame(exc: BaseException, folder: Path) -> tuple[Path, int] | None:
    """The innermost traceback frame that is template code in `folder` (Jinja maps its
    frames back to the template's file and line)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.suffix == ".j2" and path.parent.resolve() == folder.resolve():
            found = (path, frame.lineno or 1)
    return found


def _rel(path: Path, folder: Path) -> str:
    try:
        return path.resolve().relative_to(folder.resolve().parent).as_posix()
    except ValueError:
        return path.as_posix()


def embed_svg(svg: str, style: Style) -> str:
    """`compose(..., embed=False)` output made self-contained: the fonts it uses as subsets."""
    return embed_fonts(svg, face_files([*(f.path for f in style.fonts.faces()),
                                        *style.fonts.reserve]))
