// Parts of the extension that are bundled separately and loaded on first use, so that activation
// and linting never pay for the HTTP client (node-fetch) or the Markdown renderer. In the bundle,
// these paths are siblings of dist/extension.js (esbuild leaves them external).
import type * as CommandsModule from './commands/index';
import type * as Preview from './previewEntry';

/** The network commands' module (dist/commands.js). */
export type Commands = typeof CommandsModule;

let commands: Commands | undefined;
let preview: typeof Preview | undefined;

export function loadCommands(): Commands {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load of a sibling bundle that esbuild leaves external
  return (commands ??= require('./commands.js') as Commands);
}

export function loadPreview(): typeof Preview {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load of a sibling bundle that esbuild leaves external
  return (preview ??= require('./preview.js') as typeof Preview);
}
