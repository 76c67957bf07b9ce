#!/usr/bin/env python3
"""Turns the gold articles in markup/ into the app's native JSON (one file per article).

Markup: <a>…</a> actor, <l>…</l> location, <f>…</f> figure, <q>…</q> quote; tags nest.
Offsets are Python string indices, i.e. code points, end-exclusive, as the native format wants.
Run from anywhere: python3 tests/gold/markup_to_json.py
"""
import hashlib
import json
import pathlib
import re
import sys

LABELS = {"a": "actor", "l": "location", "f": "figure", "q": "quote"}
LABEL_LIST = [
    {"id": "actor", "name": "Actor", "color": "#1f77b4", "key": "1"},
    {"id": "location", "name": "Location", "color": "#2ca02c", "key": "2"},
    {"id": "figure", "name": "Figure", "color": "#e067bb", "key": "3"},
    {"id": "quote", "name": "Quote", "color": "#eb6e00", "key": "4"},
]
EDGE = set(" \t\r\n.,;:!?\"'“”‘’«»„()")
TAG = re.compile(r"<(/?)([alfq])>")


def parse(markup: str):
    text, spans, stack, pos = [], [], [], 0
    for m in TAG.finditer(markup):
        text.append(markup[pos:m.start()])
        pos = m.end()
        at = len("".join(text))
        closing, tag = m.group(1) == "/", m.group(2)
        if closing:
            open_tag, start = stack.pop()
            assert open_tag == tag, f"<{open_tag}> closed by </{tag}>"
            spans.append((start, at, LABELS[tag]))
        else:
            stack.append((tag, at))
    assert not stack, f"unclosed {stack}"
    text.append(markup[pos:])
    return "".join(text), spans


def convert(path: pathlib.Path, out_dir: pathlib.Path):
    text, spans = parse(path.read_text(encoding="utf-8"))
    text = text.rstrip("\n") + "\n"
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    out = []
    for n, (start, end, label) in enumerate(spans, 1):
        piece = text[start:end]
        assert piece and piece[0] not in EDGE and (piece[-1] not in EDGE or piece.endswith(".") and piece[-3:-2] == "."), (
            path.name, piece)
        out.append({"id": f"s{n}", "start": start, "end": end, "label": label, "text": piece})
    doc = {
        "id": path.stem,
        "name": path.stem + ".txt",
        "text": text,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "spans": out,
        "relations": [],
    }
    data = {"format": "article-annotator", "version": 1, "offset_unit": "codepoint", "labels": LABEL_LIST,
            "documents": [doc]}
    target = out_dir / (path.stem + ".json")
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    words = len(text.split())
    print(f"{target.relative_to(root.parent.parent)}: {words} words, {len(out)} spans", file=sys.stderr)


root = pathlib.Path(__file__).resolve().parent
for part in ("tuning", "held_out", "fresh", "series", "unseen_series", "unseen_wire", "unseen_pages", "unseen_regional", "unseen_local", "unseen_news", "unseen_daily", "unseen_world", "unseen_final"):
    for source in sorted((root / "markup" / part).glob("*.txt")):
        convert(source, root / part)
