#!/usr/bin/env python3
"""Checks Article Annotator exports the way Python consumers read them.

Usage: python3 tests/python/check_exports.py DIR

Reads every file in DIR:
  *.json   native exports ("format": "article-annotator"; other JSON is skipped)
  *.jsonl  spaCy/Prodigy JSONL ("spans"), doccano JSONL ("entities" or "label" triples)
  *.csv    the one-row-per-span CSV (document texts come from the native/JSONL files in DIR)
  *.conll  CoNLL IOB2 (compared with the native export's documents, in order)
and asserts with plain Python that offsets are code points, end-exclusive:
text[start:end] == the span's text, for every span in every file.

If spaCy can be imported, it also builds a Doc per document with spacy.blank("en"), asserts
doc.char_span(start, end, label=label) is never None (the test data is word-aligned), puts the
spans in doc.spans["sc"], and serialises everything to a DocBin and back.

Prints what it checked; exits 1 on any mismatch, 2 on bad usage or an unreadable DIR.
"""

import csv
import glob
import hashlib
import json
import os
import sys

CSV_HEADER = ["document", "start", "end", "label", "text", "left_context", "right_context", "note"]
CONTEXT = 40


class Checker:
    def __init__(self):
        self.problems = []
        self.spans = 0
        self.files = 0
        # (name, text, [(start, end, label)]) of every document read, for spaCy.
        self.documents = []
        # name -> text, for the CSV rows.
        self.texts = {}
        # The native export's documents in order, for CoNLL.
        self.native_order = []

    def problem(self, where, message):
        self.problems.append(f"{where}: {message}")

    def span(self, where, text, start, end, label, claimed):
        """One span: offsets in range, and text[start:end] equal to what the file claims."""
        self.spans += 1
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            self.problem(where, f"offsets {start!r}..{end!r} are not a span of a text of {len(text)} code points")
            return False
        if not isinstance(label, str) or not label:
            self.problem(where, f"label {label!r} is not a non-empty string")
        if claimed is not None and text[start:end] != claimed:
            self.problem(where, f"text[{start}:{end}] is {text[start:end]!r}, the file says {claimed!r}")
            return False
        return True

    # --- native JSON ------------------------------------------------------------------------
    def native(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if not isinstance(data, dict) or data.get("format") != "article-annotator":
            print(f"skipped {os.path.basename(path)}: not a native export")
            return
        self.files += 1
        assert_equal = lambda what, a, b: a == b or self.problem(path, f"{what} is {a!r}, expected {b!r}")
        assert_equal("offset_unit", data.get("offset_unit"), "codepoint")
        for doc in data["documents"]:
            text, name = doc["text"], doc["name"]
            where = f"{os.path.basename(path)}: document {name!r}"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            assert_equal(f"{where} sha256", doc.get("sha256"), digest)
            spans = []
            ids = set()
            for span in doc["spans"]:
                ids.add(span["id"])
                ok = self.span(f"{where}, span {span['id']}", text, span["start"], span["end"], span["label"], span["text"])
                if ok:
                    spans.append((span["start"], span["end"], span["label"]))
            if spans != sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
                self.problem(where, "spans are not sorted by (start, end desc, label)")
            for relation in doc.get("relations", []):
                if relation["from"] not in ids or relation["to"] not in ids:
                    self.problem(where, f"relation {relation['id']} points outside the document's spans")
            self.documents.append((name, text, spans))
            self.texts[name] = text
            self.native_order.append((name, text))

    # --- JSON Lines -------------------------------------------------------------------------
    def jsonl(self, path):
        self.files += 1
        base = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if line.strip()]
        for number, line in enumerate(lines, 1):
            data = json.loads(line)
            text = data["text"]
            where = f"{base}, line {number}"
            if "spans" in data:
                self.prodigy(where, data, text)
            elif "entities" in data:
                spans = []
                for entity in data["entities"]:
                    s, e, label = entity["start_offset"], entity["end_offset"], entity["label"]
                    if self.span(f"{where}, entity {entity['id']}", text, s, e, label, None):
                        spans.append((s, e, label))
                self.compare_with_native(where, data.get("name"), text, spans)
                ids = {entity["id"] for entity in data["entities"]}
                for relation in data.get("relations", []):
                    if relation["from_id"] not in ids or relation["to_id"] not in ids:
                        self.problem(where, f"relation {relation['id']} points outside the line's entities")
            else:
                spans = []
                for start, end, label in data.get("label", data.get("labels", [])):
                    if self.span(where, text, start, end, label, None):
                        spans.append((start, end, label))

    def prodigy(self, where, data, text):
        tokens = data.get("tokens", [])
        for i, token in enumerate(tokens):
            if token.get("id") != i or text[token["start"]:token["end"]] != token["text"]:
                self.problem(where, f"token {i} {token!r} does not match text[{token['start']}:{token['end']}]")
            if token["text"] != "".join(token["text"].split()):
                self.problem(where, f"token {i} {token['text']!r} holds white space")
        if tokens and "".join(t["text"] for t in tokens) != "".join(text.split()):
            self.problem(where, "the tokens put together are not the text without white space")
        spans = []
        for n, span in enumerate(data["spans"], 1):
            s, e, label = span["start"], span["end"], span["label"]
            if not self.span(f"{where}, span {n}", text, s, e, label, span.get("text")):
                continue
            spans.append((s, e, label))
            if "token_start" in span:
                first, last = tokens[span["token_start"]], tokens[span["token_end"]]
                if not (first["start"] <= s < first["end"] and last["start"] < e <= last["end"]):
                    self.problem(where, f"span {n}'s tokens {span['token_start']}..{span['token_end']} do not hold it")
        for n, relation in enumerate(data.get("relations", []), 1):
            for end in ("head_span", "child_span"):
                ref = relation[end]
                if (ref["start"], ref["end"], ref["label"]) not in spans:
                    self.problem(where, f"relation {n}'s {end} is not one of the spans")
        name = data.get("meta", {}).get("name")
        if name:
            self.texts.setdefault(name, text)
        self.compare_with_native(where, name, text, spans)
        self.documents.append((name or where, text, spans))

    def compare_with_native(self, where, name, text, spans):
        """The same document in the native export has the same spans."""
        for native_name, native_text, native_spans in self.documents:
            if native_name == name and native_text == text and sorted(spans) != sorted(native_spans):
                self.problem(where, f"spans differ from the native export's {name!r}")

    # --- CSV --------------------------------------------------------------------------------
    def csv(self, path):
        self.files += 1
        base = os.path.basename(path)
        with open(path, "rb") as f:
            if not f.read(3) == b"\xef\xbb\xbf":
                self.problem(base, "no UTF-8 byte-order mark (Excel would garble non-ASCII text)")
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        if rows[0] != CSV_HEADER:
            self.problem(base, f"header is {rows[0]!r}")
            return
        for number, row in enumerate(rows[1:], 2):
            where = f"{base}, row {number}"
            document, start, end, label, claimed, left, right, _note = row
            if document not in self.texts:
                self.problem(where, f"no native or JSONL export of document {document!r} in the folder to check against")
                continue
            text = self.texts[document]
            start, end = int(start), int(end)
            if self.span(where, text, start, end, label, claimed):
                if left != text[max(0, start - CONTEXT):start] or right != text[end:end + CONTEXT]:
                    self.problem(where, f"context is {left!r} / {right!r}")

    # --- CoNLL ------------------------------------------------------------------------------
    def conll(self, path):
        self.files += 1
        base = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        while lines and lines[0].startswith("# "):
            lines.pop(0)
        documents = []
        previous = "O"
        for number, line in enumerate(lines, 1):
            if line == "-DOCSTART- -X- -X- O":
                documents.append([])
                previous = "O"
                continue
            if not line:
                previous = "O"
                continue
            columns = line.split()
            if len(columns) != 4 or columns[1:3] != ["-X-", "_"] or not documents:
                self.problem(f"{base}, line {number}", f"{line!r} is not TOKEN -X- _ TAG")
                continue
            tag = columns[3]
            if tag.startswith("I-") and previous[2:] != tag[2:]:
                self.problem(f"{base}, line {number}", f"{tag} follows {previous}")
            elif not (tag == "O" or tag.startswith(("B-", "I-"))):
                self.problem(f"{base}, line {number}", f"{tag} is not an IOB2 tag")
            previous = tag
            documents[-1].append(columns[0])
        if len(documents) != len(self.native_order):
            self.problem(base, f"{len(documents)} documents, the native export has {len(self.native_order)}")
            return
        for tokens, (name, text) in zip(documents, self.native_order):
            if "".join(tokens) != "".join(text.split()):
                self.problem(base, f"the tokens of {name!r} are not its text without white space")

    # --- spaCy ------------------------------------------------------------------------------
    def spacy(self):
        try:
            import spacy
            from spacy.tokens import DocBin
        except ImportError:
            # The test setup installs spaCy; where it promised to (REQUIRE_SPACY=1), a missing
            # spaCy is a failure, not a skipped check.
            if os.environ.get("REQUIRE_SPACY") == "1":
                self.problem("spaCy", "it is not installed, but REQUIRE_SPACY=1")
            else:
                print("spaCy is not installed: the spaCy check was skipped")
            return
        nlp = spacy.blank("en")
        bin_ = DocBin(store_user_data=True)
        checked = 0
        for name, text, spans in self.documents:
            doc = nlp.make_doc(text)
            made = []
            for start, end, label in spans:
                span = doc.char_span(start, end, label=label)
                checked += 1
                if span is None:
                    self.problem(f"spaCy, {name!r}", f"char_span({start}, {end}) of {text[start:end]!r} is None")
                else:
                    made.append(span)
            doc.spans["sc"] = made
            bin_.add(doc)
        data = bin_.to_bytes()
        back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        if len(back) != len(self.documents):
            self.problem("spaCy", f"the DocBin gave back {len(back)} documents of {len(self.documents)}")
        for doc, (name, text, spans) in zip(back, self.documents):
            got = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"])
            if doc.text != text or got != sorted(spans):
                self.problem(f"spaCy, {name!r}", "the DocBin did not give back the same text and spans")
        print(f"spaCy {spacy.__version__}: {checked} char_spans, DocBin of {len(back)} documents ({len(data)} bytes)")


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__, file=sys.stderr)
        return 2
    folder = argv[1]
    checker = Checker()
    # Native first: CSV and CoNLL are checked against its documents.
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        checker.native(path)
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        checker.jsonl(path)
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        checker.csv(path)
    for path in sorted(glob.glob(os.path.join(folder, "*.conll"))):
        checker.conll(path)
    if checker.files == 0:
        print(f"no exports found in {folder}", file=sys.stderr)
        return 2
    checker.spacy()
    print(f"checked {checker.spans} spans in {checker.files} files")
    if checker.problems:
        print(f"{len(checker.problems)} problems:", file=sys.stderr)
        for problem in checker.problems[:50]:
            print("  " + problem, file=sys.stderr)
        return 1
    print("all spans match text[start:end]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
