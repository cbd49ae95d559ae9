// Podium for VS Code: starts `podium lsp` for transcript documents with vscode-languageclient,
// offers "Podium: Treat this file as a transcript", and shows the server's state in the status
// bar.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

const LANGUAGE = 'transcript';
/** The members of the "podium" section that the server reads (Schemas/configuration.schema.json). */
const SERVER_SETTINGS = ['inlayHints', 'codeLens', 'topicLens', 'diagnostics', 'topics', 'workspace'] as const;

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let output: vscode.OutputChannel;

/** The settings Podium understands, without the editor-only ones (path, trace). */
export function serverSettings(section: { get<T>(key: string): T | undefined }): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const value = section.get<unknown>(key);
    if (value !== undefined && value !== null) {
      settings[key] = value;
    }
  }
  return settings;
}

function createClient(): LanguageClient {
  const config = vscode.workspace.getConfiguration('podium');
  const command = config.get<string>('path') || 'podium';
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE, scheme: 'file' },
      { language: LANGUAGE, scheme: 'untitled' },
    ],
    initializationOptions: serverSettings(config),
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: { configurationSection: 'podium' },
    middleware: {
      workspace: {
        // Answer workspace/configuration for "podium" with the server's members only.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return result.map((value, i) => {
            const item = params.items[i];
            if (item && item.section === 'podium' && value && typeof value === 'object') {
              return serverSettings({ get: <T>(key: string) => (value as Record<string, T>)[key] });
            }
            return value;
          });
        },
      },
    },
  };
  return new LanguageClient('podium', 'Podium', serverOptions, clientOptions);
}

function updateStatus(state: 'starting' | 'running' | 'stopped' | 'failed'): void {
  const editor = vscode.window.activeTextEditor;
  const onTranscript = editor?.document.languageId === LANGUAGE;
  const icons = { starting: '$(sync~spin)', running: '$(mic)', stopped: '$(circle-slash)', failed: '$(error)' };
  if (onTranscript || state === 'failed') {
    status.text = `${icons[state]} Podium`;
    status.tooltip =
      state === 'running'
        ? 'Podium is running: hover a line to see who is speaking. Click for the log.'
        : `Podium is ${state}. Click for the log.`;
    status.command = 'podium.showOutput';
    status.show();
  } else if (editor && editor.document.languageId === 'plaintext') {
    status.text = '$(mic) Transcript?';
    status.tooltip = 'Podium: treat this file as a transcript';
    status.command = 'podium.treatAsTranscript';
    status.show();
  } else {
    status.hide();
  }
}

let lastState: 'starting' | 'running' | 'stopped' | 'failed' = 'stopped';
function setState(state: typeof lastState): void {
  lastState = state;
  updateStatus(state);
}

async function startClient(): Promise<void> {
  if (client) {
    return;
  }
  client = createClient();
  client.onDidChangeState((e) => {
    setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
  });
  setState('starting');
  try {
    await client.start();
  } catch (err) {
    setState('failed');
    const path = vscode.workspace.getConfiguration('podium').get<string>('path') || 'podium';
    void vscode.window.showErrorMessage(
      `Podium could not start \`${path} lsp\`: ${err}. Install Podium (swift build -c release --product podium, ` +
        'then copy .build/release/podium onto your PATH) or set "podium.path".',
    );
    client = undefined;
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    await c.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Podium');
  status = vscode.window.createStatusBarItem('podium.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Podium';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('podium.treatAsTranscript', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Podium: open a file first.');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE);
      await startClient();
    }),
    vscode.commands.registerCommand('podium.restartServer', async () => {
      await stopClient();
      await startClient();
    }),
    vscode.commands.registerCommand('podium.showOutput', () => output.show(true)),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus(lastState)),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === LANGUAGE) {
        void startClient();
      }
      updateStatus(lastState);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('podium.path')) {
        await stopClient();
        await startClient();
      }
    }),
  );

  if (vscode.workspace.textDocuments.some((doc) => doc.languageId === LANGUAGE)) {
    await startClient();
  }
  updateStatus(lastState);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
