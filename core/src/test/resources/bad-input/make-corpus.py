#!/usr/bin/env python3
"""Writes the bad-input corpus next to this script: one file per case and cases.tsv.

The expected outcome of each case lives in expected.tsv, which BadInputCorpusTest checks and
rewrites (after review!) with -Dgolden.update=true. Run this script only to add or change cases.
"""
import copy
import hashlib
import io
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []  # (file, reader, description)


def case(name, reader, description, content):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    CASES.append((name, reader, description))


TEXT = "Zoë said “hi” 😀 in Paris.\r\nThe end."


def sha(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def base(text=TEXT):
    return {
        "format": "scholion/1",
        "document": {
            "id": "hostile",
            "title": "A small document",
            "mediaType": "text/plain",
            "language": "en",
            "sha256": sha(text),
            "text": text,
        },
        "labelSets": [
            {"name": "entities", "labels": [
                {"name": "PERSON", "color": "#4477AA", "key": "p"},
                {"name": "LOCATION", "color": "#228833", "key": "l"}]},
            {"name": "sourcing", "labels": [
                {"name": "QUOTE", "color": "#E69F00", "description": "A direct quotation."}]},
        ],
        "spans": [
            {"id": "s1", "start": 0, "end": 3, "label": "PERSON", "annotator": "alice",
             "created": "2026-11-24T10:00:00Z"},
            {"id": "s2", "start": 9, "end": 13, "label": "QUOTE", "note": "what she said"},
            {"id": "s3", "start": 19, "end": 24, "label": "LOCATION"},
        ],
        "relations": [{"id": "r1", "type": "said-by", "from": "s2", "to": "s1"}],
        "history": {"undo": [], "redo": []},
    }


def dump(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def edit(fn, text=TEXT):
    d = base(text)
    fn(d)
    return dump(d)


assert TEXT[0:3] == "Zoë" and TEXT[9:13] == "“hi”" and TEXT[19:24] == "Paris"

A = "annotation"
# ---- files that load
case("ok-minimal.scholion.json", A, "a valid file: three spans, one relation, emoji and CRLF in the text", dump(base()))
rtl = "قال زيد «مرحبا» في باريس. אמר דוד שלום."
case("ok-rtl.scholion.json", A, "right-to-left Arabic and Hebrew text with spans on whole words",
     edit(lambda d: d.update(spans=[{"id": "s1", "start": 4, "end": 7, "label": "PERSON"},
                                    {"id": "s2", "start": 8, "end": 15, "label": "QUOTE"},
                                    {"id": "s3", "start": 19, "end": 24, "label": "LOCATION"}], relations=[]), rtl))
comb = "Zoe\u0301 and Ame\u0301lie met in Ko\u0308ln."
case("ok-combining-marks.scholion.json", A, "decomposed letters (e + U+0301); spans end after the mark",
     edit(lambda d: d.update(spans=[{"id": "s1", "start": 0, "end": 4, "label": "PERSON"},
                                    {"id": "s2", "start": 9, "end": 16, "label": "PERSON"},
                                    {"id": "s3", "start": 24, "end": 29, "label": "LOCATION"}], relations=[]), comb))
case("ok-empty-text.scholion.json", A, "an empty document: no text, no spans",
     edit(lambda d: d.update(spans=[], relations=[]), ""))
case("ok-no-history.scholion.json", A, "the optional history is left out", edit(lambda d: d.pop("history")))
case("ok-hostile-strings.scholion.json", A,
     "script tags, an onerror attribute and a formula in title, note and text are kept as data (renderers escape)",
     edit(lambda d: (d["document"].update(title="<script>alert(1)</script>"),
                     d["spans"][1].update(note="\"><img src=x onerror=alert(1)>"),
                     d["labelSets"][1]["labels"][0].update(description="=HYPERLINK(\"http://x\",\"y\")")),
          "<script>alert('x')</script> =1+2 @SUM(A1)"))
ctl = "NUL \u0000 BEL \u0007 VT \u000b FF \u000c ESC \u001b[31m DEL \u007f end"
case("ok-xml-forbidden-controls.scholion.json", A,
     "NUL and other control characters XML forbids, as JSON escapes in the text: kept (DOCX/PDF strip them and say so)",
     edit(lambda d: d.update(spans=[{"id": "s1", "start": 0, "end": 5, "label": "PERSON"}], relations=[]), ctl))
case("ok-utf8-bom.scholion.json", A, "a UTF-8 byte-order mark before the JSON is skipped",
     b"\xef\xbb\xbf" + dump(base()).encode("utf-8"))
case("ok-escaped-surrogate-pair.scholion.json", A, "an emoji written as a JSON escape pair \\ud83d\\ude00 is one code point",
     dump(base()).replace("😀", "\\ud83d\\ude00"))
d = base()
# no two at the same offsets: a document holds one span per offsets and label
d["spans"] = [{"id": "s%d" % i, "start": i % 30, "end": i % 30 + 1 + i // 30 + i % 5, "label": "PERSON"}
              for i in range(1, 60)]
d["relations"] = []
case("ok-many-overlaps.scholion.json", A, "59 overlapping and nested spans", dump(d))

# ---- whole-file problems
case("empty.scholion.json", A, "a file of zero bytes", b"")
case("blank.scholion.json", A, "white space only", " \n\t\n")
full = dump(base())
case("truncated-half.scholion.json", A, "cut off halfway, as a crash of a non-atomic writer would leave it",
     full[:len(full) // 2])
case("truncated-in-string.scholion.json", A, "cut off inside the text string", full[:full.index("Paris")])
case("top-level-array.scholion.json", A, "a JSON array instead of an object", "[1, 2, 3]\n")
case("not-json.scholion.json", A, "plain prose", "This is not JSON at all.\n")
case("trailing-garbage.scholion.json", A, "a second value after the object", full + "{}\n")
case("binary-garbage.scholion.json", A, "the first bytes of a PNG image",
     b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
case("invalid-utf8.scholion.json", A, "a Latin-1 byte (0xE9) inside a string", full.encode("utf-8").replace(
    "Zoë".encode("utf-8"), b"Zo\xe9", 1))
case("cesu-surrogate-bytes.scholion.json", A, "a surrogate encoded as UTF-8 bytes (ED A0 80), which UTF-8 forbids",
     full.encode("utf-8").replace(b"The end.", b"The \xed\xa0\x80end.", 1))
case("raw-nul-byte.scholion.json", A, "an unescaped NUL byte inside a string", full.replace("The end.", "The \u0000end."))
case("deep-nesting.scholion.json", A, "arrays nested 100 deep in a note",
     full.replace("\"what she said\"", "[" * 100 + "]" * 100))
case("huge-number.scholion.json", A, "an offset of 2,000 digits",
     full.replace("\"end\": 24", "\"end\": " + "9" * 2000))
case("duplicate-key.scholion.json", A, "a member given twice", full.replace("\"id\": \"s3\",", "\"id\": \"s3\", \"id\": \"s4\","))

# ---- format and structure
case("format-missing.scholion.json", A, "no \"format\" member", edit(lambda d: d.pop("format")))
case("format-future.scholion.json", A, "a future version, scholion/3", edit(lambda d: d.update(format="scholion/3")))
case("format-other.scholion.json", A, "another tool's format", edit(lambda d: d.update(format="brat")))
case("format-number.scholion.json", A, "format given as a number", edit(lambda d: d.update(format=1)))
case("document-missing.scholion.json", A, "no \"document\"", edit(lambda d: d.pop("document")))
case("text-missing.scholion.json", A, "the document has no text", edit(lambda d: d["document"].pop("text")))
case("unknown-member-top.scholion.json", A, "an unknown top-level member (a typo of spans)",
     edit(lambda d: d.update(span=[])))
case("unknown-member-span.scholion.json", A, "an unknown member in a span", edit(lambda d: d["spans"][2].update(nota="x")))
case("spans-not-array.scholion.json", A, "spans is an object", edit(lambda d: d.update(spans={})))
case("span-not-object.scholion.json", A, "a span that is a number", edit(lambda d: d["spans"].append(7)))
case("history-not-array.scholion.json", A, "history.undo is a string", edit(lambda d: d["history"].update(undo="x")))
case("document-id-traversal.scholion.json", A, "a document id that tries to climb folders",
     edit(lambda d: d["document"].update(id="../../etc/passwd")))

# ---- offsets
case("offset-out-of-range.scholion.json", A, "a span ends after the text", edit(lambda d: d["spans"][2].update(end=99)))
case("offset-negative.scholion.json", A, "a span starts at -3", edit(lambda d: d["spans"][2].update(start=-3)))
case("offset-reversed.scholion.json", A, "end before start", edit(lambda d: d["spans"][2].update(start=24, end=19)))
case("offset-empty-span.scholion.json", A, "start equals end", edit(lambda d: d["spans"][2].update(end=19)))
case("offset-string.scholion.json", A, "an offset given as a string", edit(lambda d: d["spans"][2].update(start="19")))
case("offset-fraction.scholion.json", A, "an offset of 19.5", edit(lambda d: d["spans"][2].update(start=19.5)))
case("offset-too-big.scholion.json", A, "an offset past the largest int", edit(lambda d: d["spans"][2].update(end=2147483648)))
emoji = "😀😀😀 ok"
case("offset-utf16-units.scholion.json", A,
     "offsets counted in UTF-16 units by another tool: past the end of a text of 6 code points",
     edit(lambda d: d.update(spans=[{"id": "s1", "start": 6, "end": 8, "label": "PERSON"}], relations=[]), emoji))

# ---- labels, ids, relations
case("unknown-label.scholion.json", A, "a span whose label is in no label set",
     edit(lambda d: d["spans"][2].update(label="CITY")))
case("duplicate-span-id.scholion.json", A, "two spans with id s2", edit(lambda d: d["spans"][2].update(id="s2")))
case("duplicate-relation-id.scholion.json", A, "two relations with id r1",
     edit(lambda d: d["relations"].append({"id": "r1", "type": "near", "from": "s1", "to": "s3"})))
case("relation-to-missing-span.scholion.json", A, "a relation to span s9, which does not exist",
     edit(lambda d: d["relations"][0].update(to="s9")))
case("relation-from-missing-span.scholion.json", A, "a relation from span s0, which does not exist",
     edit(lambda d: d["relations"][0].update(**{"from": "s0"})))
case("duplicate-label-across-sets.scholion.json", A, "PERSON in two label sets",
     edit(lambda d: d["labelSets"][1]["labels"].append({"name": "PERSON", "color": "#000000"})))
case("duplicate-label-set.scholion.json", A, "two label sets named entities",
     edit(lambda d: d["labelSets"][1].update(name="entities")))
case("duplicate-hotkey.scholion.json", A, "two labels with hotkey p in one set",
     edit(lambda d: d["labelSets"][0]["labels"][1].update(key="p")))
case("bad-colour.scholion.json", A, "a colour name instead of #RRGGBB",
     edit(lambda d: d["labelSets"][0]["labels"][0].update(color="blue")))
case("label-with-newline.scholion.json", A, "a label name holding a line feed and an escape sequence",
     edit(lambda d: (d["labelSets"][0]["labels"][0].update(name="PER\nSON\u001b[2J"),
                     d["spans"][0].update(label="PER\nSON\u001b[2J"))))
case("span-id-traversal.scholion.json", A, "a span id with a slash", edit(lambda d: d["spans"][2].update(id="../s3")))
case("bad-created-time.scholion.json", A, "created is not an ISO-8601 time",
     edit(lambda d: d["spans"][0].update(created="yesterday")))

# ---- text integrity
case("text-hash-mismatch.scholion.json", A, "the text was edited by hand after annotation (Paris -> Rome!)",
     dump(base()).replace("in Paris.", "in Rome!."))
nfc = base()
nfc["document"]["text"] = TEXT.replace("ë", "e\u0308")
case("text-normalised.scholion.json", A,
     "an editor normalised ë to e + U+0308: same look, other code points, so the hash no longer matches", dump(nfc))
ls = dump(base()).replace("The end.", "The \\ud800end.")
case("lone-surrogate-in-text.scholion.json", A, "a lone high surrogate as a JSON escape in the text",
     ls.replace(sha(TEXT), sha("Zoë said “hi” 😀 in Paris.\r\nThe \ud800end.")))
case("lone-surrogate-in-note.scholion.json", A, "a lone low surrogate as a JSON escape in a note",
     dump(base()).replace("what she said", "what \\udc00she said"))
case("lone-surrogate-in-title.scholion.json", A, "a high surrogate at the end of the title",
     dump(base()).replace("A small document", "A small document\\ud83d"))
case("reversed-surrogate-pair.scholion.json", A, "a low surrogate before a high one in the annotator name",
     dump(base()).replace("\"alice\"", "\"ali\\ude00\\ud83dce\""))

# ---- scholion/2: attributes and links
def v2(d):
    d["format"] = "scholion/2"
    d["labelSets"][0]["attributes"] = ["certainty", "speaker"]
    d["labelSets"][0]["prefixes"] = {"wikidata": "http://www.wikidata.org/entity/",
                                     "geonames": "https://sws.geonames.org/"}
    d["spans"][0]["attributes"] = {"certainty": "low"}
    d["spans"][0]["links"] = ["wikidata:Q3052772"]
    d["spans"][1]["attributes"] = {"tone": "ironic; \"quoted\"", "form": "a=b\tc"}
    d["spans"][2]["links"] = ["geonames:2988507", "https://www.wikidata.org/wiki/Q90", "urn:isbn:0451450523"]
    d["relations"][0]["attributes"] = {"confidence": "high"}


def edit2(fn):
    return edit(lambda d: (v2(d), fn(d)))


case("ok-attributes-links.scholion.json", A, "scholion/2: declared attributes and prefixes, links as PREFIX:ID and"
     " IRIs, free attributes in a set that declares none, a relation attribute", edit2(lambda d: None))
case("ok-scholion1-members-absent.scholion.json", A, "scholion/2 without any attribute or link: the scholion/1 shape",
     edit(lambda d: d.update(format="scholion/2")))
case("attribute-undeclared.scholion.json", A, "an attribute name the span's label set does not declare",
     edit2(lambda d: d["spans"][0]["attributes"].update(mood="grim")))
case("attribute-name-invalid.scholion.json", A, "an attribute name holding '='",
     edit2(lambda d: d["spans"][1]["attributes"].update({"a=b": "c"})))
case("attribute-name-blank.scholion.json", A, "a blank attribute name", edit2(lambda d: d["spans"][1]["attributes"].update({" ": "c"})))
case("attribute-value-empty.scholion.json", A, "an attribute without a value",
     edit2(lambda d: d["spans"][1]["attributes"].update(form="")))
case("attribute-value-control.scholion.json", A, "an attribute value holding an escape character",
     edit2(lambda d: d["spans"][1]["attributes"].update(form="\u001b[31m")))
case("attribute-not-string.scholion.json", A, "an attribute value that is a number",
     edit2(lambda d: d["spans"][1]["attributes"].update(form=3)))
case("attributes-not-object.scholion.json", A, "attributes given as an array",
     edit2(lambda d: d["spans"][1].update(attributes=["form"])))
case("link-unknown-prefix.scholion.json", A, "a link whose prefix no label set declares",
     edit2(lambda d: d["spans"][2]["links"].append("dbpedia:Paris")))
case("link-malformed-iri.scholion.json", A, "an http link without a host", edit2(lambda d: d["spans"][2]["links"].append("http:///Paris")))
case("link-with-space.scholion.json", A, "a link holding a space",
     edit2(lambda d: d["spans"][2]["links"].append("https://example.org/a b")))
case("link-bad-urn.scholion.json", A, "a urn without a namespace-specific part", edit2(lambda d: d["spans"][2]["links"].append("urn:isbn")))
case("link-twice.scholion.json", A, "the same link twice", edit2(lambda d: d["spans"][0]["links"].append("wikidata:Q3052772")))
case("prefix-relative-iri.scholion.json", A, "a prefix whose IRI base is not absolute",
     edit2(lambda d: d["labelSets"][0]["prefixes"].update(wikidata="www.wikidata.org/entity/")))
case("prefix-named-http.scholion.json", A, "a prefix named http, which would hide the scheme",
     edit2(lambda d: d["labelSets"][0]["prefixes"].update(http="https://example.org/")))
case("prefix-conflict.scholion.json", A, "two label sets declaring one prefix with different IRIs",
     edit2(lambda d: d["labelSets"][1].update(prefixes={"wikidata": "https://example.org/"})))
case("duplicate-span.scholion.json", A, "two spans labelling the same offsets with the same label",
     edit(lambda d: d["spans"].append({"id": "s4", "start": 19, "end": 24, "label": "LOCATION", "note": "again"})))

# ---- label-set files
L = "labelset"
case("labelset-ok.json", L, "a valid label-set file", json.dumps(base()["labelSets"][0], indent=2) + "\n")
case("labelset-attributes-prefixes.json", L, "a label-set file declaring attribute names and prefixes",
     json.dumps(dict(base()["labelSets"][0], attributes=["certainty"],
                     prefixes={"wikidata": "http://www.wikidata.org/entity/"}), indent=2) + "\n")
case("labelset-bad-prefix.json", L, "a label-set file whose prefix base is not an IRI",
     json.dumps(dict(base()["labelSets"][0], prefixes={"wikidata": "wikidata"}), indent=2) + "\n")
case("labelset-no-name.json", L, "a label set without a name", json.dumps({"labels": []}, indent=2) + "\n")
case("labelset-bad-colour.json", L, "a label with colour #12345",
     json.dumps({"name": "x", "labels": [{"name": "A", "color": "#12345"}]}, indent=2) + "\n")
case("labelset-duplicate-label.json", L, "the same label twice",
     json.dumps({"name": "x", "labels": [{"name": "A", "color": "#123456"}, {"name": "A", "color": "#654321"}]},
                indent=2) + "\n")

# ---- sources to import
S = "source"
case("source-empty.txt", S, "an empty text file", b"")
case("source-rtl.txt", S, "right-to-left text with CRLF, kept exactly", "שלום עולם\r\nمرحبا بالعالم\r\n")
case("source-combining.txt", S, "combining marks, not normalised", "Zoe\u0301 Ko\u0308ln a\u0308\u0301")
case("source-controls.txt", S, "control characters other than NUL are text", "bell \u0007 vt \u000b esc \u001b[31m")
case("source-latin1.txt", S, "not UTF-8: Latin-1 bytes, decoded as windows-1252",
     "Crème brûlée, garçon, naïve – déjà vu. ".encode("cp1252") * 3)
case("source-invalid-utf8-one-byte.txt", S, "UTF-8 with one stray 0xFF byte", "Zoë said hi".encode("utf-8") + b"\xff")
case("source-binary.txt", S, "binary data (NUL bytes) named .txt", bytes(range(0, 64)))
case("source-png.txt", S, "a PNG image named .txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01")
case("source-utf16le-bom.txt", S, "UTF-16LE with a byte-order mark", b"\xff\xfe" + "Ωmega 😀".encode("utf-16-le"))
case("source-bad-utf16-bom.txt", S, "a UTF-16LE byte-order mark followed by an odd number of bytes",
     b"\xff\xfe" + b"abc")
case("source-script.html", S, "HTML whose script and style must not become text",
     "<html><head><title>T</title><script>alert('x')</script><style>p{}</style></head>"
     "<body><p>Visible <b>text</b>.</p><script>document.write('no')</script></body></html>")
z = io.BytesIO()
with zipfile.ZipFile(z, "w") as zf:
    zf.writestr("[Content_Types].xml", "<Types/>")
    zf.writestr("word/document.xml", "<w:document>" + "x" * 5000 + "</w:document>")
case("source-truncated.docx", S, "a DOCX cut off in the middle of its zip", z.getvalue()[:300])
case("source-empty.docx", S, "a DOCX of zero bytes", b"")
case("source-fake.pdf", S, "a PDF header and then nothing that parses", b"%PDF-1.7\n%garbage garbage\n")

with open(os.path.join(HERE, "cases.tsv"), "w", encoding="utf-8", newline="\n") as f:
    for name, reader, description in CASES:
        f.write(f"{name}\t{reader}\t{description}\n")
print(len(CASES), "cases")
