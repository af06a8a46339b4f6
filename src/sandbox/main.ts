/**
 * `npm run sandbox`: starts the Mattermost sandbox on 127.0.0.1 and prints what to try.
 * Port: --port <n> | --port=<n> | env MM_SANDBOX_PORT | 8065. It never binds anything but 127.0.0.1.
 */
import { startSandbox } from './server';

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
    '',
    `  Try:  curl -X POST -H 'Content-Type: application/json' -d '{"text":"hello"}' ${info.webhooks.normal}`,
    `  Test control routes (for tests only): ${info.url}/__sandbox/{requests,faults,reset,config,info}`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2), process.env);
  const sandbox = await startSandbox({ port });
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
