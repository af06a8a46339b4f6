/**
 * mattermost-payloads invoke command|outgoing|action URL …: plays Mattermost towards an integration
 * (src/core/invoke) for CI smoke tests, prints the answer's findings as `lint` does and says on
 * stderr what Mattermost would show. Exit codes: 0 shown as its author meant; 1 Mattermost would
 * fail, show nothing or show it otherwise (non-200, empty body, JSON sent as text, a lint error);
 * 2 unusable input or no answer (refused, timed out).
 */
import { UsageError, walkArgs } from './cliArgs';
import { jsonElement, textLines } from './cliFormat';
import { defaultContext, type InvokeContext } from './core/invoke/context';
import { exitCodeOf, type Verdict } from './core/invoke/judge';
import { invokeAction, invokeCommand, invokeOutgoing, type Invocation } from './core/invoke/invoke';
import { type DelayedAnswer, ResponseReceiver } from './core/invoke/receiver';
import { InvokeInputError, parseEndpoint } from './core/invoke/request';
import { INTEGRATION_TIMEOUT_MS } from './core/server/integrations';

const HELP = (name: string) => `Usage:
  ${name} invoke command URL --token T --text "…" [--method post|get] [--trigger NAME] [--wait SECONDS]
  ${name} invoke outgoing URL --token T --trigger-word W --text "…" [--content-type form|json]
  ${name} invoke action URL --context JSON [--type button|select] [--selected-option VALUE]

Sends the request Mattermost sends to a slash command, an outgoing webhook or an interactive
button, judges the answer as the server does, and prints its findings as "lint" does.

Options:
  --format text|json        findings as "lint" prints them (default: text); the verdict goes to stderr
  --timeout SECONDS         how long to wait for the answer (default: the server's 30)
  --wait SECONDS            command: keep the response_url open this long for delayed answers (default: 0)
  --team-id, --team-domain, --channel-id, --channel-name, --user-id, --user-name VALUE
                            who "types" it (default: plausible local values)

Exit codes: 0 Mattermost would show the answer as meant, 1 it would fail, show nothing or show it
otherwise, 2 unusable input or no answer (refused, timed out).`;


const CONTEXT_FLAGS: Record<string, keyof InvokeContext> = {
  '--team-id': 'team_id', '--team-domain': 'team_domain', '--channel-id': 'channel_id',
  '--channel-name': 'channel_name', '--user-id': 'user_id', '--user-name': 'user_name',
};
const VALUE_FLAGS = new Set(['--token', '--text', '--method', '--trigger', '--wait', '--trigger-word', '--content-type', '--context', '--type', '--selected-option', '--format', '--timeout', ...Object.keys(CONTEXT_FLAGS)]);

interface Parsed {
  what: 'command' | 'outgoing' | 'action';
  url: string;
  opts: Map<string, string>;
}

function parse(argv: string[]): Parsed | 'help' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  const [what, ...rest] = argv;
  if (what !== 'command' && what !== 'outgoing' && what !== 'action') throw new UsageError(`invoke needs "command", "outgoing" or "action"${what ? `, not "${what}"` : ''} (see invoke --help)`);
  const opts = new Map<string, string>();
  let url: string | undefined;
  for (const arg of walkArgs(rest)) {
    if ('flag' in arg) {
      if (!VALUE_FLAGS.has(arg.flag)) throw new UsageError(`unknown option "${arg.flag}" (see invoke --help)`);
      opts.set(arg.flag, arg.value());
    } else if (url === undefined) url = arg.positional;
    else throw new UsageError(`unexpected argument "${arg.positional}"`);
  }
  if (url === undefined) throw new UsageError(`invoke ${what} needs the integration's URL`);
  return { what, url, opts };
}

function seconds(opts: Map<string, string>, flag: string, fallback: number): number {
  const v = opts.get(flag);
  if (v === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`${flag} needs a number of seconds, not "${v}"`);
  return Number(v) * 1000;
}

function need(opts: Map<string, string>, flag: string, what: string): string {
  const v = opts.get(flag);
  if (v === undefined) throw new UsageError(`${what} needs ${flag}`);
  return v;
}

function pick<T extends string>(opts: Map<string, string>, flag: string, allowed: readonly T[], fallback: T): T {
  const v = (opts.get(flag) ?? fallback).toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be ${allowed.join(' or ')}, not "${v}"`);
  return v as T;
}

export async function invokeMain(argv: string[], name: string): Promise<number> {
  const stderr = (m: string) => process.stderr.write(`${name}: ${m}\n`);
  let p: Parsed | 'help';
  let format: 'text' | 'json';
  let timeoutMs: number;
  try {
    p = parse(argv);
    if (p === 'help') {
      process.stdout.write(HELP(name) + '\n');
      return 0;
    }
    format = pick(p.opts, '--format', ['text', 'json'] as const, 'text');
    timeoutMs = seconds(p.opts, '--timeout', INTEGRATION_TIMEOUT_MS);
    parseEndpoint(p.url);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InvokeInputError) {
      stderr(e.message);
      return 2;
    }
    throw e;
  }
  const overrides: Partial<InvokeContext> = {};
  for (const [flag, key] of Object.entries(CONTEXT_FLAGS)) if (p.opts.has(flag)) overrides[key] = p.opts.get(flag);
  const who = defaultContext(overrides);
  const receiver = new ResponseReceiver();
  const delayed: DelayedAnswer[] = [];
  let inv: Invocation;
  try {
    if (p.what === 'command') {
      const waitMs = seconds(p.opts, '--wait', 0);
      const trigger = (p.opts.get('--trigger') ?? 'command').replace(/^\//, '');
      const method = pick(p.opts, '--method', ['post', 'get'] as const, 'post').toUpperCase() as 'POST' | 'GET';
      const token = need(p.opts, '--token', 'invoke command');
      const text = need(p.opts, '--text', 'invoke command');
      await receiver.start();
      receiver.onAnswer(a => delayed.push(a));
      inv = await invokeCommand({ url: p.url, method, token, trigger, text, responseUrl: receiver.newHook(trigger), context: who }, { timeoutMs });
      if (waitMs > 0 && inv.verdict.outcome !== 'no-answer') await new Promise(r => setTimeout(r, waitMs));
    } else if (p.what === 'outgoing') {
      const contentType = pick(p.opts, '--content-type', ['form', 'json'] as const, 'form');
      const token = need(p.opts, '--token', 'invoke outgoing');
      const triggerWord = need(p.opts, '--trigger-word', 'invoke outgoing');
      const text = need(p.opts, '--text', 'invoke outgoing');
      inv = await invokeOutgoing({ url: p.url, contentType, token, triggerWord, text, context: who }, { timeoutMs });
    } else {
      let context: unknown;
      try {
        context = JSON.parse(p.opts.get('--context') ?? '{}');
      } catch {
        throw new UsageError('--context must be a JSON object, e.g. \'{"action": "approve"}\'');
      }
      if (context === null || typeof context !== 'object' || Array.isArray(context)) throw new UsageError('--context must be a JSON object');
      const type = pick(p.opts, '--type', ['button', 'select'] as const, 'button');
      inv = await invokeAction({ url: p.url, context: context as Record<string, unknown>, type, selectedOption: p.opts.get('--selected-option'), who }, { timeoutMs });
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InvokeInputError) {
      stderr(e.message);
      return 2;
    }
    throw e;
  } finally {
    await receiver.close();
  }
  const verdicts: { label: string; verdict: Verdict }[] = [{ label: p.what === 'action' ? 'action' : 'answer', verdict: inv.verdict }];
  for (const d of delayed) verdicts.push({ label: `delayed-${d.use}`, verdict: d.verdict });
  const out: string[] = [];
  for (const { label, verdict } of verdicts) {
    const status = verdict.status !== undefined ? ` (HTTP ${verdict.status})` : '';
    stderr(`${label}${status}: ${verdict.summary}`);
    for (const d of verdict.documents) {
      const file = `${label === d.label || d.label.startsWith('answer') ? label : `${label}-${d.label}`}.${d.kind}.json`;
      out.push(format === 'json' ? jsonElement(file, d.kind, d.problems, d.text) : textLines(file, d.problems, d.text));
    }
  }
  if (format === 'json') process.stdout.write(out.length ? `[\n${out.join(',\n')}\n]\n` : '[]\n');
  else process.stdout.write(out.join(''));
  return Math.max(...verdicts.map(v => exitCodeOf(v.verdict)));
}
