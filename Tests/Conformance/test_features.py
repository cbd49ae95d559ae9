"""Editor features end to end: pytest-lsp (a real LSP client by others, with the recorded
capabilities of real editors) drives `podium lsp` over stdio on a seed transcript. Every result
is structured into lsprotocol's types by the client, so a malformed result fails the test.
Also: the annotation JSON (`podium annotate` and `podium/annotations`) against its schema.
"""

from __future__ import annotations

import asyncio
import json
import subprocess

import jsonschema
import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from podium_client import REPO_ROOT, SEEDS, answer_registrations, podium_path

SEED_000 = next(seed for seed in SEEDS if seed.name.startswith("000_"))
SEED_001 = next(seed for seed in SEEDS if seed.name.startswith("001_"))
SCHEMAS = REPO_ROOT / "Schemas"
STEP = 20


def annotation_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "annotation.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[podium_path(), "lsp"]),
    params=["visual-studio-code", "neovim@v0.7.0"],
)
async def client(lsp_client: LanguageClient, request):
    capabilities = client_capabilities(request.param)
    lsp_client.podium_spec = request.param
    answer_registrations(lsp_client)
    await asyncio.wait_for(
        lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities)), STEP
    )
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), STEP)


def position_of(text: str, needle: str, plus: int = 0) -> types.Position:
    """A UTF-16 position (both recorded clients use utf-16), `plus` code units into `needle`."""
    offset = text.index(needle)
    before = text[:offset]
    column = before[before.rfind("\n") + 1 :]
    return types.Position(
        line=before.count("\n"), character=len(column.encode("utf-16-le")) // 2 + plus
    )


def open_seed(client: LanguageClient, seed) -> tuple[str, str]:
    text = seed.read_text(encoding="utf-8")
    uri = seed.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="transcript", version=1, text=text)
        )
    )
    return uri, text


def hover_text(result: types.Hover | None) -> str:
    assert result is not None
    contents = result.contents
    return contents.value if isinstance(contents, types.MarkupContent) else str(contents)


async def test_hover_symbols_hints_tokens(client: LanguageClient):
    uri, text = open_seed(client, SEED_000)
    document = types.TextDocumentIdentifier(uri=uri)

    question = await client.text_document_hover_async(
        types.HoverParams(text_document=document, position=position_of(text, "you have said repeatedly"))
    )
    assert "Lili Bayer" in hover_text(question) and "Reuters" in hover_text(question)
    answer = await client.text_document_hover_async(
        types.HoverParams(text_document=document, position=position_of(text, "No, and I do not completely"))
    )
    assert "Mark Rutte" in hover_text(answer) and "Lili Bayer" in hover_text(answer)

    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=document)
    )
    names = [symbol.name for symbol in symbols]
    assert "Lili Bayer → Mark Rutte" in names

    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=document,
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=40, character=0)),
        )
    )
    assert hints and all("Mark Rutte" in str(hint.label) for hint in hints)

    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=document)
    )
    assert tokens is not None and len(tokens.data) % 5 == 0 and tokens.data

    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document))
    assert folds and all(fold.start_line < fold.end_line for fold in folds)

    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=document))
    assert any("answered by" in (lens.command.title if lens.command else "") for lens in lenses)


async def test_diagnostics_and_quick_fix(client: LanguageClient):
    uri, text = open_seed(client, SEED_000)
    document = types.TextDocumentIdentifier(uri=uri)
    if client.podium_spec.startswith("neovim"):
        # No pull support: the server pushes once it is idle.
        await asyncio.wait_for(client.wait_for_notification("textDocument/publishDiagnostics"), STEP)
        diagnostics = client.diagnostics[uri]
    else:
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=document))
        diagnostics = report.items
    codes = {diagnostic.code for diagnostic in diagnostics}
    assert {"spelling-variant", "outlet-variant"} <= codes
    spelling = next(d for d in diagnostics if d.code == "spelling-variant")
    assert spelling.severity in (types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Information)
    assert spelling.related_information and spelling.related_information[0].location.uri == uri

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=document, range=spelling.range, context=types.CodeActionContext(diagnostics=[spelling])
        )
    )
    fixes = [action for action in actions if isinstance(action, types.CodeAction) and action.kind == types.CodeActionKind.QuickFix]
    assert fixes, actions


async def test_rename_every_label(client: LanguageClient):
    uri, text = open_seed(client, SEED_000)
    document = types.TextDocumentIdentifier(uri=uri)
    at = position_of(text, "Jonathan Beale, BBC\n", plus=2)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=document, position=at)
    )
    assert prepared is not None
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=at, new_name="Jon Beale")
    )
    assert edit is not None
    edits = []
    for change in edit.document_changes or []:
        edits += change.edits
    for changes in (edit.changes or {}).values():
        edits += changes
    assert len(edits) == text.count("Jonathan Beale\n") + text.count("Jonathan Beale, BBC\n")
    assert all(e.new_text == "Jon Beale" for e in edits)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_annotations_request_matches_the_schema_and_the_cli(spawn, framing, encoding):
    server = spawn(framing)
    server.initialize({"general": {"positionEncodings": [encoding]}})
    text = SEED_001.read_text(encoding="utf-8")
    uri = SEED_001.resolve().as_uri()
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "transcript", "version": 1, "text": text}},
    )
    result = server.result("podium/annotations", {"textDocument": {"uri": uri}})
    annotation_validator().validate(result)
    cli = subprocess.run(
        [podium_path(), "annotate", "--position-encoding", encoding, str(SEED_001.resolve())],
        capture_output=True, check=True, text=True,
    ).stdout
    assert json.loads(cli.splitlines()[0]) == result  # one encoder for both
    label = result["turns"][0]["label"]
    assert label["text"] == "🗣 | NATO Secretary General:"
    assert label["range"]["end"]["character"] == {"utf-16": 28, "utf-8": 30}[encoding]


LAYOUTS = sorted((REPO_ROOT / "Tests" / "Fixtures" / "layouts").iterdir())


@pytest.mark.parametrize("seed", SEEDS + LAYOUTS, ids=lambda seed: seed.name)
def test_annotate_output_validates(seed):
    output = subprocess.run([podium_path(), "annotate", str(seed)], capture_output=True, check=True, text=True).stdout
    lines = output.splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])
    annotation_validator().validate(document)
    assert document["turns"], "every seed has turns"
    speakers = {speaker["id"] for speaker in document["speakers"]}
    assert all(turn["speaker"] in speakers for turn in document["turns"])


def test_speaker_ids_in_any_script_validate(tmp_path):
    transcript = tmp_path / "intl.transcript"
    transcript.write_text("Ólafur Grímsson: Góðan daginn.\n\nJosé Núñez (El País): ¿Qué pasa?\n", encoding="utf-8")
    output = subprocess.run([podium_path(), "annotate", str(transcript)], capture_output=True, check=True, text=True).stdout
    document = json.loads(output)
    annotation_validator().validate(document)
    assert [speaker["id"] for speaker in document["speakers"]] == ["ólafur-grímsson", "josé-núñez"]


def test_annotate_several_files_is_json_lines_and_text_mode_works():
    output = subprocess.run(
        [podium_path(), "annotate", *map(str, SEEDS)], capture_output=True, check=True, text=True
    ).stdout
    assert len(output.splitlines()) == len(SEEDS)
    table = subprocess.run(
        [podium_path(), "annotate", "--format", "text", str(SEED_000)], capture_output=True, check=True, text=True
    ).stdout
    assert "lili-bayer" in table and "# lines" in table


def test_annotate_refuses_binary_and_missing_files(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    run = subprocess.run([podium_path(), "annotate", str(binary), str(tmp_path / "missing.txt"), str(SEED_000)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "binary" in run.stderr and "missing.txt" in run.stderr
    assert len(run.stdout.splitlines()) == 1  # the good file is still annotated


def test_topics_request_matches_its_schema(spawn):
    from referencing import Registry, Resource

    schemas = {name: json.loads((SCHEMAS / name).read_text()) for name in ["annotation.schema.json", "topics-request.schema.json"]}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    ).with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    topics = schemas["topics-request.schema.json"]
    result_schema = {"$ref": topics["$id"] + "#/$defs/result"}
    validator = jsonschema.Draft202012Validator(result_schema, registry=registry)

    server = spawn()
    server.initialize()
    for seed in SEEDS[:3]:
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": seed.as_uri(), "languageId": "transcript", "version": 1, "text": seed.read_text(encoding="utf-8")}},
        )
    everything = server.result("podium/topics", {})
    validator.validate(everything)
    assert {passage["uri"] for passage in everything["passages"]} == {seed.as_uri() for seed in SEEDS[:3]}
    spending = server.result("podium/topics", {"topic": "defence-spending"})
    validator.validate(spending)
    assert spending["passages"] and all(p["topic"] == "defence-spending" for p in spending["passages"])
    scores = [p["score"] for p in spending["passages"]]
    assert scores == sorted(scores, reverse=True)
    one = server.result("podium/topics", {"textDocument": {"uri": SEEDS[0].as_uri()}})
    assert {p["uri"] for p in one["passages"]} == {SEEDS[0].as_uri()}
    unknown = server.call("podium/topics", {"topic": "no-such-topic"})
    assert unknown["error"]["code"] == -32602


def test_taxonomy_and_configuration_schemas():
    from referencing import Registry, Resource

    topics = json.loads((SCHEMAS / "topics.schema.json").read_text())
    configuration = json.loads((SCHEMAS / "configuration.schema.json").read_text())
    for schema in (topics, configuration):
        jsonschema.Draft202012Validator.check_schema(schema)
    registry = Registry().with_resource("topics.schema.json", Resource.from_contents(topics))
    example = {
        "threshold": 2,
        "topics": [{"id": "widgets", "label": "Widgets", "parent": "economy", "iptc": "medtop:04000000",
                    "terms": [{"phrase": "widget", "weight": 2}]}],
    }
    jsonschema.Draft202012Validator(topics).validate(example)
    settings = {"inlayHints": {"enabled": True}, "codeLens": True, "topicLens": False,
                "diagnostics": {"inaudible": "off"}, "topics": example}
    jsonschema.Draft202012Validator(configuration, registry=registry).validate(settings)
    bad = {"topics": [{"id": "Widgets!", "label": "", "terms": []}]}
    assert list(jsonschema.Draft202012Validator(topics).iter_errors(bad))


def test_the_default_taxonomy_follows_its_schema():
    schema = json.loads((SCHEMAS / "topics.schema.json").read_text())
    dumped = json.loads(subprocess.run([podium_path(), "topics"], capture_output=True, check=True, text=True).stdout)
    jsonschema.Draft202012Validator(schema).validate(dumped)
    ids = {topic["id"] for topic in dumped["topics"]}
    assert {"defence-spending", "ukraine-war", "peace-talks"} <= ids
    assert all(topic.get("parent") in ids for topic in dumped["topics"] if "parent" in topic)
