/**
 * Build, send, judge: one invocation as Mattermost makes it, shared by the CLI and the extension (and
 * later the preview's clicks: invokeAction). Returns the request sent (for the log, redacted there),
 * how long it took, and the verdict.
 */
import { call, type CallOptions } from './call';
import { judgeAction, judgeCommand, judgeOutgoing, noAnswer, type Verdict } from './judge';
import { actionRequest, type ActionInput, commandRequest, type CommandInput, type InvokeRequest, outgoingRequest, type OutgoingInput } from './request';

export interface Invocation {
  request: InvokeRequest;
  verdict: Verdict;
  ms: number;
}

export async function invokeCommand(input: CommandInput, opts?: CallOptions): Promise<Invocation> {
  const request = commandRequest(input);
  const r = await call(request, opts);
  const trigger = input.trigger.replace(/^\//, '');
  return { request, ms: r.ms, verdict: r.ok ? judgeCommand(r.answer, trigger) : noAnswer('command', r.reason) };
}

export async function invokeOutgoing(input: OutgoingInput, opts?: CallOptions): Promise<Invocation> {
  const request = outgoingRequest(input);
  const r = await call(request, opts);
  return { request, ms: r.ms, verdict: r.ok ? judgeOutgoing(r.answer) : noAnswer('outgoing', r.reason) };
}

export async function invokeAction(input: ActionInput, opts?: CallOptions): Promise<Invocation> {
  const request = actionRequest(input);
  const r = await call(request, opts);
  return { request, ms: r.ms, verdict: r.ok ? judgeAction(r.answer, input.who.channel_id) : noAnswer('action', r.reason) };
}
