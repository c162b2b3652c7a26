"""The draft as a page: the report with its mentions highlighted, beside the draft map."""

from __future__ import annotations

import html

from movemap.extract.report import Draft

__all__ = ["draft_page"]


def draft_page(draft: Draft, map_html: str | None) -> str:
    """A self-contained HTML page; every piece of the report is escaped."""
    marks = sorted({(p.start, p.end, p.place.name) for p in draft.places})
    evidence = {(leg.evidence.start, leg.evidence.end) for leg in draft.legs}
    parts: list[str] = []
    at = 0
    for start, end, name in marks:
        if start < at:
            continue
        parts.append(html.escape(draft.text[at:start]))
        parts.append(f'<mark title="{html.escape(name, quote=True)}">'
                     f"{html.escape(draft.text[start:end])}</mark>")
        at = end
    parts.append(html.escape(draft.text[at:]))
    legs = "".join(
        f"<li>{html.escape(leg.unit)}: {html.escape(', '.join(o.place.name for o in leg.origins))}"
        f" &rarr; {html.escape(leg.destination.place.name)}, {html.escape(str(leg.start))}"
        f"{' to ' + html.escape(str(leg.end)) if leg.end else ''}, {leg.mode.value}, "
        f"{leg.status.value} (confidence {leg.confidence:.2f})</li>" for leg in draft.legs)
    frame = (f'<iframe title="draft map" srcdoc="{html.escape(map_html, quote=True)}"></iframe>'
             if map_html else "<p>No legs found: no map.</p>")
    del evidence
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Draft: {html.escape(draft.name)}</title>
<style>
body {{ margin: 0; display: flex; height: 100vh; font: 14px/1.5 system-ui, sans-serif; }}
#report {{ width: 40%; overflow: auto; padding: 1em 1.5em; box-sizing: border-box; }}
#report pre {{ white-space: pre-wrap; font: inherit; }}
mark {{ background: #fde68a; }}
iframe {{ flex: 1; border: 0; border-left: 1px solid #ccc; }}
</style></head>
<body><div id="report"><h2>Draft from the report, published {draft.published.isoformat()}</h2>
<pre>{"".join(parts)}</pre><h3>Legs found</h3><ol>{legs}</ol></div>
{frame}</body></html>
"""
