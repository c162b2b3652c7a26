"""The draft as a page: the report with its places and evidence highlighted, the legs with
why each was proposed, beside the draft map. Every piece of the report is escaped."""

from __future__ import annotations

import html

from movemap.extract.draft import Draft, FoundLeg

__all__ = ["draft_page"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _evidence(draft: Draft, leg: FoundLeg) -> str:
    """The leg's sentence with its origins and destination marked."""
    a, b = leg.evidence.start, leg.evidence.end
    marks = {(p.start, p.end, "from") for p in leg.origins if a <= p.start < b}
    if a <= leg.destination.start < b:
        marks.add((leg.destination.start, leg.destination.end, "to"))
    out, at = [], a
    for start, end, role in sorted(marks):
        if start < at:
            continue
        out.append(_e(draft.text[at:start]))
        out.append(f'<mark class="{role}">{_e(draft.text[start:end])}</mark>')
        at = end
    out.append(_e(draft.text[at:b]))
    return "".join(out).strip()


def _leg(number: int, draft: Draft, leg: FoundLeg) -> str:
    origins = ", ".join(o.place.name for o in leg.origins)
    when = str(leg.start) + (f" to {leg.end}" if leg.end else "")
    facts = [leg.mode.value, leg.status.value]
    if leg.strength:
        facts.append(f"{leg.strength:,} troops")
    if leg.source:
        facts.append(f"source: {leg.source}")
    return (f'<li id="leg-{number}"><b>{_e(leg.unit)}</b>: {_e(origins)} &rarr; '
            f"{_e(leg.destination.place.name)}, {_e(when)}, {_e(', '.join(facts))} "
            f"(confidence {leg.confidence:.2f})"
            f'<blockquote><a href="#ev-{leg.evidence.start}">{_evidence(draft, leg)}</a>'
            f"</blockquote>"
            f'<p class="why">rule <code>{_e(leg.rule)}</code>; '
            f"{_e('; '.join(leg.cues))}</p></li>")


def _report(draft: Draft) -> str:
    """The report's text with evidence sentences and place names marked."""
    spans: dict[int, int] = {}
    for leg in draft.legs:
        spans[leg.evidence.start] = max(spans.get(leg.evidence.start, 0), leg.evidence.end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans.items()):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    events: list[tuple[int, int, str]] = []
    for start, end in merged:
        events.append((start, 1, f'<span class="evidence" id="ev-{start}">'))
        events.append((end, 0, "</span>"))
    at = -1
    for p in sorted(draft.places, key=lambda p: p.start):
        if p.start < at:
            continue  # a place never straddles a sentence end: the tags nest
        events.append((p.start, 2, f'<mark title="{_e(p.place.name)}">'))
        events.append((p.end, -1, "</mark>"))
        at = p.end
    events.sort(key=lambda ev: (ev[0], ev[1]))
    out, at = [], 0
    for position, _, tag in events:
        out.append(_e(draft.text[at:position]))
        out.append(tag)
        at = position
    out.append(_e(draft.text[at:]))
    return "".join(out)


def draft_page(draft: Draft, map_html: str | None) -> str:
    """A self-contained HTML page; every piece of the report is escaped."""
    legs = "".join(_leg(n, draft, leg) for n, leg in enumerate(draft.legs, start=1))
    frame = (f'<iframe title="draft map" srcdoc="{_e(map_html)}"></iframe>'
             if map_html else "<p>No legs found: no map.</p>")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Draft: {_e(draft.name)}</title>
<style>
body {{ margin: 0; display: flex; height: 100vh; font: 14px/1.5 system-ui, sans-serif; }}
#report {{ width: 45%; overflow: auto; padding: 1em 1.5em; box-sizing: border-box; }}
#report pre {{ white-space: pre-wrap; font: inherit; }}
mark {{ background: #fde68a; }}
mark.from {{ background: #bfdbfe; }}
mark.to {{ background: #fecaca; }}
.evidence {{ text-decoration: underline dotted #2563eb; }}
blockquote {{ margin: .3em 0 .3em 1em; padding-left: .6em; border-left: 3px solid #ccc; }}
blockquote a {{ color: inherit; text-decoration: none; }}
.why {{ margin: 0 0 .8em 1em; color: #555; font-size: 12px; }}
iframe {{ flex: 1; border: 0; border-left: 1px solid #ccc; }}
</style></head>
<body><div id="report"><h2>Draft from the report, published {draft.published.isoformat()}</h2>
<h3>Legs proposed ({len(draft.legs)})</h3><ol>{legs}</ol>
<p class="why">Blue: where from; red: where to. Each leg names the rule that proposed it and
the cues it rests on; check it against its sentence, then keep or drop it.</p>
<h3>Report</h3><pre>{_report(draft)}</pre></div>
{frame}</body></html>
"""
