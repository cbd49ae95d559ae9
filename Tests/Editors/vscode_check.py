#!/usr/bin/env python3
"""Static checks of Editors/vscode (VS Code cannot run here, and npm's registry is unreachable):

- the manifest: the fields `vsce package` requires, and contribution points that hang together
  (languages, grammars, commands and menus, the command ids extension.ts registers);
- the configuration contributions against Schemas/configuration.schema.json;
- the TextMate grammar: every regex compiles with Oniguruma (the engine VS Code uses), and,
  when textmate-grammar-python is installed, a tokenisation of seed 000 and of sample lines
  gives labels, outlets, markers and time cues the expected scopes;
- the Sublime syntax's regexes compile with Oniguruma too.
Exit status 1 on any failure.
"""
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VSCODE = os.path.join(ROOT, "Editors", "vscode")
failures = 0


def check(ok, what, detail=""):
    global failures
    if ok:
        print(f"  ok    {what}")
    else:
        failures += 1
        print(f"  FAIL  {what}" + (f": {detail}" if detail else ""))
    return ok


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# --- manifest ---------------------------------------------------------------------------------
pkg = load(os.path.join(VSCODE, "package.json"))
check(re.fullmatch(r"[a-z0-9][a-z0-9\-]*", pkg.get("name", "")) is not None, "name is lowercase, no spaces")
check(re.fullmatch(r"\d+\.\d+\.\d+(-[\w.]+)?", pkg.get("version", "")) is not None, "version is semver")
check(bool(re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9\-]*", pkg.get("publisher", ""))), "publisher is set")
check(re.fullmatch(r"\^\d+\.\d+\.\d+", pkg.get("engines", {}).get("vscode", "")) is not None, "engines.vscode is ^x.y.z")
engine = tuple(int(x) for x in pkg["engines"]["vscode"][1:].split("."))
types = pkg.get("devDependencies", {}).get("@types/vscode", "^0.0.0")
check(tuple(int(x) for x in types.lstrip("^~").split(".")) <= engine, "@types/vscode is not newer than engines.vscode")
check("vscode-languageclient" in pkg.get("dependencies", {}), "depends on vscode-languageclient")

tsconfig = load(os.path.join(VSCODE, "tsconfig.json"))
out_dir = tsconfig["compilerOptions"]["outDir"]
root_dir = tsconfig["compilerOptions"]["rootDir"]
main = os.path.normpath(pkg.get("main", ""))
check(main == os.path.join(out_dir, "extension.js"), "main is the compiled src/extension.ts", main)
check(os.path.exists(os.path.join(VSCODE, root_dir, "extension.ts")), "src/extension.ts exists")
check(os.path.exists(os.path.join(VSCODE, "README.md")), "README.md exists (vsce packages it)")

contrib = pkg.get("contributes", {})
langs = {l["id"]: l for l in contrib.get("languages", [])}
check("transcript" in langs, "contributes the transcript language")
lang = langs.get("transcript", {})
check(".transcript" in lang.get("extensions", []), "*.transcript is a transcript")
check("*.transcript.txt" in lang.get("filenamePatterns", []) or ".transcript.txt" in lang.get("extensions", []),
      "*.transcript.txt is a transcript")
conf = lang.get("configuration")
check(conf and os.path.exists(os.path.join(VSCODE, conf)), "language configuration file exists", str(conf))
if conf and os.path.exists(os.path.join(VSCODE, conf)):
    load(os.path.join(VSCODE, conf))

grammars = contrib.get("grammars", [])
check(len(grammars) == 1 and grammars[0].get("language") == "transcript", "one grammar for transcript")
gpath = os.path.join(VSCODE, grammars[0]["path"])
grammar = load(gpath)
check(grammar.get("scopeName") == grammars[0].get("scopeName") == "text.transcript", "grammar scopeName matches")

commands = {c["command"] for c in contrib.get("commands", [])}
check("podium.treatAsTranscript" in commands, "contributes podium.treatAsTranscript")
treat = [c for c in contrib["commands"] if c["command"] == "podium.treatAsTranscript"][0]
check(f'{treat.get("category")}: {treat["title"]}' == "Podium: Treat this file as a transcript",
      'its title reads "Podium: Treat this file as a transcript"')
for where, items in contrib.get("menus", {}).items():
    for item in items:
        check(item["command"] in commands, f"menu {where} uses a contributed command ({item['command']})")
for ev in pkg.get("activationEvents", []):
    kind, _, arg = ev.partition(":")
    if kind == "onLanguage":
        check(arg in langs, f"activation event {ev} names a contributed language")
    elif kind == "onCommand":
        check(arg in commands, f"activation event {ev} names a contributed command")

source = open(os.path.join(VSCODE, root_dir, "extension.ts"), encoding="utf-8").read()
registered = set(re.findall(r"registerCommand\(\s*'([^']+)'", source))
check(registered == commands, "extension.ts registers exactly the contributed commands",
      f"registered {sorted(registered)} vs contributed {sorted(commands)}")
check("vscode-languageclient/node" in source, "extension.ts uses vscode-languageclient/node")
check("setTextDocumentLanguage" in source, "the command sets the language of the active editor")
check("createStatusBarItem" in source, "extension.ts creates a status bar item")

# --- configuration vs the schema ---------------------------------------------------------------
schema = load(os.path.join(ROOT, "Schemas", "configuration.schema.json"))
props = contrib.get("configuration", {}).get("properties", {})
for key, spec in schema["properties"].items():
    mine = props.get(f"podium.{key}")
    if not check(mine is not None, f"setting podium.{key} is contributed"):
        continue
    check(mine.get("default") == spec.get("default", mine.get("default")), f"podium.{key} default matches the schema",
          f"{mine.get('default')!r} vs {spec.get('default')!r}")
levels = schema["$defs"]["level"]["enum"]
inlay_obj = [s for s in schema["properties"]["inlayHints"]["oneOf"] if s.get("type") == "object"][0]
mine = props.get("podium.inlayHints", {})
check(set(mine.get("type", [])) == {"boolean", "object"}, "podium.inlayHints takes a boolean or an object")
for k, spec in inlay_obj["properties"].items():
    m = mine.get("properties", {}).get(k, {})
    check(m.get("type") == spec["type"] and m.get("default") == spec["default"], f"podium.inlayHints.{k} matches")
check(set(mine.get("properties", {})) == set(inlay_obj["properties"]), "podium.inlayHints has the schema's members only")
diag = props.get("podium.diagnostics", {})
check(set(diag.get("properties", {})) == set(schema["properties"]["diagnostics"]["properties"]),
      "podium.diagnostics has the schema's kinds")
for k, spec in schema["properties"]["diagnostics"]["properties"].items():
    m = diag.get("properties", {}).get(k, {})
    check(m.get("enum") == levels and m.get("default") == spec["default"], f"podium.diagnostics.{k}: levels and default")
    check(diag.get("default", {}).get(k) == spec["default"], f"podium.diagnostics default has {k}={spec['default']}")
extra = {k for k in props if k.split(".", 1)[1].split(".")[0] not in schema["properties"]} - {"podium.path", "podium.trace.server"}
check(not extra, "no settings beyond the schema, podium.path and podium.trace.server", str(sorted(extra)))
check(re.search(r"SERVER_SETTINGS = \[([^\]]*)\]", source) is not None and
      set(re.findall(r"'(\w+)'", re.search(r"SERVER_SETTINGS = \[([^\]]*)\]", source).group(1))) == set(schema["properties"]),
      "extension.ts sends the schema's members to the server")

# --- grammar: regexes compile with Oniguruma ---------------------------------------------------
try:
    import onigurumacffi
except ImportError:
    onigurumacffi = None
    print("  skip  Oniguruma checks: onigurumacffi is not installed (pip install textmate-grammar-python)")


def regexes(node, path="grammar"):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("match", "begin", "end", "while") and isinstance(v, str):
                yield f"{path}.{k}", v
            else:
                yield from regexes(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from regexes(v, f"{path}[{i}]")


if onigurumacffi:
    for where, rx in regexes(grammar):
        try:
            onigurumacffi.compile(rx)
            check(True, f"Oniguruma compiles {where}")
        except Exception as e:  # noqa: BLE001
            check(False, f"Oniguruma compiles {where}", f"{rx}: {e}")
    sublime = os.path.join(ROOT, "Editors", "sublime", "Transcript.sublime-syntax")
    try:
        import yaml
    except ImportError:
        yaml = None
        print("  skip  Sublime syntax: PyYAML is not installed")
    if yaml:
        syn = yaml.safe_load(open(sublime, encoding="utf-8"))
        check(syn.get("scope") == "text.transcript", "Sublime syntax scope is text.transcript")
        check({"transcript", "transcript.txt"} <= set(syn.get("file_extensions", [])),
              "Sublime syntax claims *.transcript and *.transcript.txt")
        rxs = [("first_line_match", syn["first_line_match"])] + [
            (f"{ctx}[{i}]", rule["match"]) for ctx, rules in syn["contexts"].items()
            for i, rule in enumerate(rules) if "match" in rule]
        for where, rx in rxs:
            try:
                onigurumacffi.compile(rx)
                check(True, f"Oniguruma compiles Sublime {where}")
            except Exception as e:  # noqa: BLE001
                check(False, f"Oniguruma compiles Sublime {where}", f"{rx}: {e}")
        tm_rules = [r.get("match") or r.get("begin") for r in grammar["repository"].values() if "match" in r or "begin" in r]
        tm_rules += [r["match"] for r in grammar["repository"]["inline"]["patterns"]]
        check(sorted(rx for w, rx in rxs if w != "first_line_match") == sorted(tm_rules),
              "Sublime syntax has the same regexes as the VS Code grammar")
        flm = onigurumacffi.compile(syn["first_line_match"])
        check(flm.search("-*- mode: transcript -*-") is not None and flm.search("vim: ft=transcript") is not None
              and flm.search("Press conference") is None, "Sublime first_line_match recognises the mode lines")

# --- grammar: tokenisation ---------------------------------------------------------------------
try:
    import logging
    from textmate_grammar.parsers.base import LanguageParser
    logging.getLogger("textmate_grammar").setLevel(logging.ERROR)
except ImportError:
    LanguageParser = None
    print("  skip  tokenisation: textmate-grammar-python is not installed")

if LanguageParser:
    parser = LanguageParser(grammar)
    seed = open(os.path.join(ROOT, "Tests", "Fixtures", "seeds", "000_6c3513f9567987e2.txt"), encoding="utf-8").read()
    sample = (
        "MR. KIRBY: Good afternoon. (00:41) We heard [inaudible] and then (crosstalk).\n"
        "[APPLAUSE]\n"
        ">> Thank you.\n"
        "Question\n"
    )

    def scopes_of(text):
        """{(line, token text): [scopes]} for every token of `text`."""
        element = parser.parse_string(text)
        out = {}
        lines = text.split("\n")
        for (line, col), content, keys in element.flatten():
            # flatten() gives (line, column) starts; keys are the scopes, outermost first.
            out.setdefault(line, []).append((col, content, keys))
        return out, lines

    toks, lines = scopes_of(seed + "\n" + sample)

    def has(line, needle, scope):
        """Whether the token at `needle` in the first line equal to `line` has `scope`."""
        if line not in lines:
            return False, f"no line {line!r}"
        i = lines.index(line)
        at = line.index(needle)
        for col, content, keys in toks.get(i, []):
            if col <= at < col + len(content):
                return any(k.startswith(scope) for k in keys), keys
        return False, []

    for line, needle, scope in [
        ("Lili Bayer, Reuters", "Lili Bayer", "entity.name.tag.speaker"),
        ("Lili Bayer, Reuters", "Reuters", "entity.other.attribute-name.outlet"),
        ("NATO Secretary General Mark Rutte", "NATO Secretary General Mark Rutte", "entity.name.tag.speaker"),
        ("Thomas Gutschker, Frankfurter Allgemeine Zeitung", "Thomas Gutschker", "entity.name.tag.speaker"),
        ("MR. KIRBY: Good afternoon. (00:41) We heard [inaudible] and then (crosstalk).", "MR. KIRBY", "entity.name.tag.speaker"),
        ("MR. KIRBY: Good afternoon. (00:41) We heard [inaudible] and then (crosstalk).", "[inaudible]", "comment.other.marker.inaudible"),
        ("MR. KIRBY: Good afternoon. (00:41) We heard [inaudible] and then (crosstalk).", "(crosstalk)", "comment.other.marker.inaudible"),
        ("MR. KIRBY: Good afternoon. (00:41) We heard [inaudible] and then (crosstalk).", "(00:41)", "constant.numeric.time"),
        ("[APPLAUSE]", "[APPLAUSE]", "comment.line.stage-direction"),
        (">> Thank you.", ">>", "punctuation.definition.speaker-change"),
        ("Question", "Question", "entity.name.tag.speaker"),
    ]:
        ok, keys = has(line, needle, scope)
        check(ok, f"grammar: {needle!r} in {line[:40]!r} is {scope}", str(keys))
    # Speech and headings stay plain.
    for line in ["Press conference", "All right, we'll go to Reuters.", "Good afternoon,\u00a0", "(As delivered)"]:
        i = lines.index(line)
        labelled = [c for _, c, k in toks.get(i, []) if any("speaker" in s for s in k)]
        check(not labelled, f"grammar: {line!r} is not a label", str(labelled))
    # Every label line of seed 000 (a short line after a blank one, speech right below) is coloured,
    # and nothing else is.
    labelled = {i for i, ts in toks.items() for _, _, k in ts if any(".speaker." in s for s in k)}
    seed_lines = seed.split("\n")
    expected = {
        i for i, l in enumerate(seed_lines)
        if (i == 0 or not seed_lines[i - 1].strip()) and i + 1 < len(seed_lines) and seed_lines[i + 1].strip()
        and len(l) < 60 and not l.lstrip().startswith("•") and i > 0
    }
    got = {i for i in labelled if i < len(seed_lines)}
    check(got == expected, f"grammar: the {len(expected)} label lines of seed 000 are coloured, and only they",
          f"missing {sorted(expected - got)[:10]}, extra {sorted(got - expected)[:10]}")

print("vscode: all checks passed" if failures == 0 else f"vscode: {failures} check(s) failed")
sys.exit(1 if failures else 0)
