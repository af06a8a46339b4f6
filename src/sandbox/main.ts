/**
 * `npm run sandbox`: starts the Mattermost sandbox on 127.0.0.1 and prints what to try.
 * Port: --port <n> | --port=<n> | env MM_SANDBOX_PORT | 8065. It never binds anything but 127.0.0.1.
 * The server it plays: `--version 9.11` and/or `--config file.json` (a saved
 * `GET /api/v4/config/client?format=old` answer; --version wins over its "Version").
 */
import * as fs from 'node:fs';
import { parseProfileText, parseVersion, formatVersion } from '../core/server/profile';
import { configFromProfile } from './profile';
import { startSandbox } from './server';
import type { SandboxConfig } from './state';

/** --version / --config → the settings to start with. Throws with one line for bad input. */
export function parseServerArgs(argv: readonly string[], readFile: (file: string) => string = f => fs.readFileSync(f, 'utf8')): Partial<SandboxConfig> {
  let version: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const v = a.startsWith(`${name}=`) ? a.slice(name.length + 1) : argv[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new Error(`${name} needs a value.`);
      return v;
    };
    if (a === '--version' || a.startsWith('--version=')) version = value('--version');
    else if (a === '--config' || a.startsWith('--config=')) file = value('--config');
  }
  let config: Partial<SandboxConfig> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = readFile(file);
    } catch (e) {
      throw new Error(`--config ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: e });
    }
    try {
      config = configFromProfile(JSON.parse(JSON.stringify(parseProfileText(text, 'CLI', file).config)));
    } catch (e) {
      throw new Error(`--config ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  if (version !== undefined) config.version = formatVersion(parseVersion(version), true);
  return config;
}

export function parsePort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') raw = argv[i + 1];
    else if (a.startsWith('--port=')) raw = a.slice('--port='.length);
  }
  raw = raw ?? env.MM_SANDBOX_PORT ?? '8065';
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new Error(`Invalid port "${raw}".`);
  return Number(raw);
}

export function banner(info: ReturnType<Awaited<ReturnType<typeof startSandbox>>['info']>): string {
  return [
    `Mattermost sandbox listening on ${info.url}`,
    '',
    `  Server URL      ${info.url}`,
    `  Log in          ${info.login.loginId} / ${info.login.password}`,
    `  MFA login       ${info.mfaLogin.loginId} / ${info.mfaLogin.password}, code ${info.mfaLogin.mfaCode}`,
    `  Access token    ${info.pat}`,
    `  Webhook         ${info.webhooks.normal}`,
    `  Locked webhook  ${info.webhooks.locked}   (locked to off-topic)`,
    `  Team/channels   ${info.team.name}/town-square, ${info.team.name}/off-topic, ${info.team.name}/read-only (403)`,
    ...(info.server ? [`  Plays           Mattermost ${info.server.version}, username override ${info.server.usernameOverride ? 'on' : 'off'}, icon override ${info.server.iconOverride ? 'on' : 'off'}, Mattermost Blocks ${info.server.mmBlocks ? 'on' : 'off (11.10+ with FeatureFlagMmBlocksEnabled)'} (--version, --config)`] : []),
    '',
    `  Try:  curl -X POST -H 'Content-Type: application/json' -d '{"text":"hello"}' ${info.webhooks.normal}`,
    `  Test control routes (for tests only): ${info.url}/__sandbox/{requests,faults,reset,config,info}`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const port = parsePort(argv, process.env);
  const sandbox = await startSandbox({ port, config: parseServerArgs(argv) });
  process.stdout.write(`${banner(sandbox.info())}\n`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch(e => {
    process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
