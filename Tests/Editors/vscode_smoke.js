// Transpiles Editors/vscode/src/extension.ts with TypeScript (Debian's node-typescript or any
// `typescript` node can require), checks the syntax, then runs activate() against stand-ins for
// the `vscode` and `vscode-languageclient/node` modules: the command, the status bar item and the
// language client's options are checked. VS Code itself cannot run here.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const os = require('os');

let ts;
for (const p of ['typescript', '/usr/share/nodejs/typescript', '/usr/lib/nodejs/typescript']) {
  try { ts = require(p); break; } catch (e) { /* next */ }
}
if (!ts) {
  console.log('SKIP: vscode smoke: no TypeScript compiler (apt-get install -y node-typescript)');
  process.exit(0);
}
let failures = 0;
function check(ok, what, detail) {
  if (ok) console.log('  ok    ' + what);
  else { failures++; console.log('  FAIL  ' + what + (detail ? ': ' + detail : '')); }
  return ok;
}

const repo = path.resolve(__dirname, '..', '..');
const src = fs.readFileSync(path.join(repo, 'Editors/vscode/src/extension.ts'), 'utf8');
const tsconfig = JSON.parse(fs.readFileSync(path.join(repo, 'Editors/vscode/tsconfig.json'), 'utf8'));
const out = ts.transpileModule(src, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true },
  reportDiagnostics: true,
  fileName: 'extension.ts',
});
check((out.diagnostics || []).length === 0, `TypeScript ${ts.version} parses src/extension.ts`,
  (out.diagnostics || []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; '));
check(tsconfig.compilerOptions.module === 'commonjs', 'tsconfig emits CommonJS (what VS Code loads)');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-vscode-'));
const js = path.join(tmp, 'extension.js');
fs.writeFileSync(js, out.outputText);
const syntax = require('child_process').spawnSync(process.execPath, ['--check', js], { encoding: 'utf8' });
check(syntax.status === 0, 'node --check accepts the transpiled extension.js', syntax.stderr);

// --- stand-ins -------------------------------------------------------------------------------
const calls = { commands: {}, statusItems: [], clients: [], languageSet: [], started: 0, stopped: 0 };
const settings = { path: 'podium', 'trace.server': 'off', inlayHints: { continuations: false }, codeLens: true,
  diagnostics: { inaudible: 'off' } };
const docs = [];
let activeEditor;
const vscode = {
  StatusBarAlignment: { Left: 1, Right: 2 },
  window: {
    get activeTextEditor() { return activeEditor; },
    createOutputChannel: (name) => ({ name, show() {}, dispose() {}, appendLine() {} }),
    createStatusBarItem: (id, alignment, priority) => {
      const item = { id, alignment, priority, visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
      calls.statusItems.push(item);
      return item;
    },
    showErrorMessage: async (m) => { calls.error = m; },
    showInformationMessage: async () => {},
    onDidChangeActiveTextEditor: () => ({ dispose() {} }),
  },
  workspace: {
    get textDocuments() { return docs; },
    getConfiguration: (section) => ({ get: (k) => (section === 'podium' ? settings[k] : undefined) }),
    onDidOpenTextDocument: () => ({ dispose() {} }),
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  languages: {
    setTextDocumentLanguage: async (doc, lang) => { calls.languageSet.push(lang); doc.languageId = lang; return doc; },
  },
  commands: { registerCommand: (id, fn) => { calls.commands[id] = fn; return { dispose() {} }; } },
};
const lsp = {
  State: { Stopped: 1, Starting: 3, Running: 2 },
  TransportKind: { stdio: 0, ipc: 1 },
  LanguageClient: class {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions });
      calls.clients.push(this);
    }
    onDidChangeState(fn) { this.stateFn = fn; return { dispose() {} }; }
    async start() { calls.started++; this.stateFn && this.stateFn({ newState: 2 }); }
    async stop() { calls.stopped++; }
  },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode' || request === 'vscode-languageclient/node') return request;
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
require.cache['vscode-languageclient/node'] = { id: 'lc', filename: 'lc', loaded: true, exports: lsp };

(async () => {
  const ext = require(js);
  check(typeof ext.activate === 'function' && typeof ext.deactivate === 'function', 'exports activate and deactivate');
  const context = { subscriptions: [] };
  // A plain .txt is open: nothing starts yet; the status item offers the command.
  const doc = { languageId: 'plaintext', uri: 'file:///tmp/nato.txt' };
  docs.push(doc);
  activeEditor = { document: doc };
  await ext.activate(context);
  check(calls.clients.length === 0, 'no server for a plain text file');
  const item = calls.statusItems[0];
  check(item && item.visible && item.command === 'podium.treatAsTranscript', 'status item offers "treat as transcript" on a .txt',
    item && JSON.stringify({ text: item.text, command: item.command, visible: item.visible }));
  for (const id of ['podium.treatAsTranscript', 'podium.restartServer', 'podium.showOutput']) {
    check(typeof calls.commands[id] === 'function', `registers ${id}`);
  }
  await calls.commands['podium.treatAsTranscript']();
  check(calls.languageSet[0] === 'transcript', 'Podium: Treat this file as a transcript sets the language to transcript');
  check(calls.clients.length === 1 && calls.started === 1, 'and starts the language client');
  const c = calls.clients[0];
  const run = c && c.serverOptions.run;
  check(run && run.command === 'podium' && JSON.stringify(run.args) === '["lsp"]', 'the server command is `podium lsp`',
    JSON.stringify(run));
  check(c && c.clientOptions.documentSelector.some((s) => s.language === 'transcript'), 'documentSelector is the transcript language');
  check(c && JSON.stringify(c.clientOptions.initializationOptions) ===
    JSON.stringify({ inlayHints: { continuations: false }, codeLens: true, diagnostics: { inaudible: 'off' } }),
  'initializationOptions carry the schema members only', c && JSON.stringify(c.clientOptions.initializationOptions));
  const mw = c && c.clientOptions.middleware.workspace.configuration;
  const answer = mw && await mw({ items: [{ section: 'podium' }, { section: 'other' }] }, {},
    async () => [{ ...settings }, { keep: 1 }]);
  check(answer && JSON.stringify(answer[0]) === JSON.stringify({ inlayHints: { continuations: false }, codeLens: true, diagnostics: { inaudible: 'off' } }) &&
    answer[1].keep === 1, 'workspace/configuration answers "podium" without path/trace', JSON.stringify(answer));
  check(item.visible && /Podium/.test(item.text) && item.command === 'podium.showOutput', 'status item shows Podium running',
    JSON.stringify({ text: item.text, command: item.command }));
  await ext.deactivate();
  check(calls.stopped === 1, 'deactivate stops the client');
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(failures ? `vscode smoke: ${failures} check(s) failed` : 'vscode smoke: all checks passed');
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.log('  FAIL  ' + (e && e.stack || e)); process.exit(1); });
