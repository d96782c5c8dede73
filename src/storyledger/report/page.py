"""Render the views into one self-contained HTML page: styles, scripts and data inlined.

The page is the same for the report file and the web UI (`served=True` lets its search ask the
server's full-text index). Jinja2 escapes every templated value; the data travels as JSON in a
`<script type="application/json">` with `<`, `>` and `&` escaped, so no article text can close
the script or open a tag, and the page's own script only ever sets text.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storyledger.errors import StoryledgerError

VIEWS = (
    ("overview", "Overview"),
    ("timeline", "Timeline"),
    ("trends", "Figures"),
    ("actors", "Actors"),
    ("quotes", "Quotes"),
    ("outlets", "Outlets"),
    ("articles", "Articles"),
)
SCRIPTS = ("charts.js", "search.js", "app.js")
VENDOR = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def render_page(views: dict[str, Any], *, title: str | None = None, served: bool = False) -> str:
    """The whole page as one string; its title, unless given, is the views' own (the story's
    name: `views.page_title`)."""
    environment = Environment(
        loader=PackageLoader("storyledger.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    template = environment.get_template("page.html.j2")
    return template.render(
        title=title or views.get("title") or "storyledger",
        served=served,
        views=VIEWS,
        css=Markup(_static("app.css")),
        app=Markup(_script("\n".join(_static(name) for name in SCRIPTS))),
        vendor=[Markup(_script(source)) for source in _vendor()],
        data=Markup(embedded_json(views)),
    )


def embedded_json(value: Any) -> str:
    """JSON that is safe inside a `<script>` element, and encodable as UTF-8: a lone surrogate
    (which a Python string may hold) is written as its `\\u` escape, as JSON allows."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _script(source: str) -> str:
    return source.replace("</script", "<\\/script")


def _static(name: str) -> str:
    return (resources.files("storyledger.report") / "static" / name).read_text(encoding="utf-8")


def _vendor() -> list[str]:
    folder = resources.files("storyledger.report") / "vendor"
    try:
        return [(folder / name).read_text(encoding="utf-8") for name in VENDOR]
    except FileNotFoundError:
        raise StoryledgerError(
            "the chart libraries are not vendored into this install (run scripts/vendor_js.sh)"
        ) from None
