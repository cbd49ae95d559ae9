"""The workspace index through `podium lsp` with a real LSP client (pytest-lsp, lsprotocol types):
a folder holding copies of the five seeds is indexed in the background with `$/progress`
reports; then references, definitions, document links, code lenses, hover and
`podium/crossReferences` answer across the transcripts (Schemas/cross-references-request.schema.json).
Also `podium annotate --workspace DIR`."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess

import jsonschema
import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from referencing import Registry, Resource

from podium_client import REPO_ROOT, SEEDS, answer_registrations, podium_path
from test_features import open_seed, position_of, hover_text

SCHEMAS = REPO_ROOT / "Schemas"
STEP = 30


def seed(prefix: str):
    return next(s for s in SEEDS if s.name.startswith(prefix))


@pytest.fixture
def folder(tmp_path):
    for s in SEEDS:
        shutil.copy(s, tmp_path / s.name)
    (tmp_path / "notes.txt").write_text("eggs\nmilk\n")
    (tmp_path / "blob.srt").write_bytes(b"\x00\x01binary" * 50)
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[podium_path(), "lsp"]))
async def client(lsp_client: LanguageClient, folder):
    capabilities = client_capabilities("visual-studio-code")
    answer_registrations(lsp_client)
    lsp_client.podium_folder = folder
    await asyncio.wait_for(
        lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities,
                workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="seeds")],
            )
        ),
        STEP,
    )
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), STEP)


async def indexed(client: LanguageClient) -> list:
    """Waits for the build's progress to end; returns its reports."""
    for _ in range(400):
        reports = [r for rs in client.progress_reports.values() for r in rs]
        if any(isinstance(r, types.WorkDoneProgressEnd) for r in reports):
            return reports
        await asyncio.sleep(0.05)
    raise AssertionError(f"no end of progress: {client.progress_reports}")


def plain(value):
    """pygls hands back custom results as named tuples: make them JSON again."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def open_copy(client: LanguageClient, prefix: str) -> tuple[str, str]:
    return open_seed(client, client.podium_folder / seed(prefix).name)


@pytest.mark.asyncio
async def test_workspace_is_indexed_with_progress_and_answers_across_transcripts(client: LanguageClient):
    reports = await indexed(client)
    assert isinstance(reports[0], types.WorkDoneProgressBegin)
    # five seeds, notes.txt and blob.srt are candidates; reading leaves out the last two
    assert reports[-1].message == "7 files"

    # definition of an acronym → its expansion, in another transcript (000 uses UDCG, 003 expands it)
    uri000, text000 = open_copy(client, "000")
    uri003, _ = open_copy(client, "003")
    where = await asyncio.wait_for(
        client.text_document_definition_async(
            types.DefinitionParams(
                text_document=types.TextDocumentIdentifier(uri=uri000),
                position=position_of(text000, "UDCG yesterday", 1),
            )
        ),
        STEP,
    )
    location = where[0] if isinstance(where, list) else where
    assert location.uri == uri003 and location.range.start.line == 100

    # references of a journalist → every turn in the workspace (FAZ = Frankfurter Allgemeine Zeitung)
    uri004, text004 = open_copy(client, "004")
    refs = await asyncio.wait_for(
        client.text_document_references_async(
            types.ReferenceParams(
                text_document=types.TextDocumentIdentifier(uri=uri004),
                position=position_of(text004, "Thomas Gutschker (FAZ)", 2),
                context=types.ReferenceContext(include_declaration=True),
            )
        ),
        STEP,
    )
    assert {r.uri for r in refs} == {uri000, uri004}

    # documentLink: the URL and "Transcript continues" → the full transcript in the workspace
    uri001, _ = open_copy(client, "001")
    links = await asyncio.wait_for(
        client.text_document_document_link_async(
            types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=uri001))
        ),
        STEP,
    )
    targets = [l.target for l in links]
    assert "https://www.nato.int/cps/en/natohq/opinions_232958.htm" in targets
    assert any(t.startswith(uri000 + "#L") for t in targets)

    # code lens on the repeated opening statement
    lenses = await asyncio.wait_for(
        client.text_document_code_lens_async(
            types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri001))
        ),
        STEP,
    )
    assert "said also in 1 transcript" in [l.command.title for l in lenses if l.command]

    # hover lists the cross-references of the passage
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri004),
                position=position_of(text004, "Thomas Gutschker (FAZ)", 40),
            )
        ),
        STEP,
    )
    assert "Cross-references" in hover_text(hover)

    # podium/crossReferences for scripts, valid against its schema
    result = await asyncio.wait_for(
        client.protocol.send_request_async("podium/crossReferences", {"textDocument": {"uri": uri001}}), STEP
    )
    result = plain(result)
    schemas = {n: json.loads((SCHEMAS / n).read_text()) for n in ["annotation.schema.json", "cross-references-request.schema.json"]}
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in schemas.values()]
        + [(n, Resource.from_contents(s)) for n, s in schemas.items()]
    )
    schema = {"$ref": schemas["cross-references-request.schema.json"]["$id"] + "#/$defs/result"}
    jsonschema.Draft202012Validator(schema, registry=registry).validate(result)
    kinds = {r["kind"] for r in result["references"]}
    assert {"sameEvent", "continues", "repeats", "sameSpeaker"} <= kinds


def test_annotate_workspace_includes_cross_document_references(folder):
    run = subprocess.run(
        [podium_path(), "annotate", "--workspace", str(folder)], capture_output=True, text=True, check=True
    )
    documents = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(documents) == 5  # the shopping list and the binary .srt are left out
    schema = json.loads((SCHEMAS / "annotation.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for document in documents:
        validator.validate(document)
    by_name = {d["uri"].rsplit("/", 1)[1][:3]: d for d in documents}
    repeats = [r for r in by_name["002"]["references"] if r["kind"] == "repeats"]
    assert any(r["target"]["uri"].endswith(seed("003").name) for r in repeats), "three months … in a year"
    assert "skipped" in run.stderr and "blob.srt" in run.stderr
