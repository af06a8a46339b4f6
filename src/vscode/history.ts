import * as vscode from 'vscode';
import { redact } from '../core/mattermost/redact';

export type SendTarget =
  | { type: 'webhook'; name: string; redactedUrl: string }
  | { type: 'api'; origin: string; channel: string; channelId: string; teamName?: string };

export interface SendRecord {
  id: string;
  at: number;
  target: SendTarget;
  status: 'sent' | 'failed' | 'cancelled';
  /** Redacted one-line outcome: "200 ok", the advice shown, … */
  detail: string;
  durationMs: number;
  file: string;
  /** The exact text sent, kept for Resend when it is small enough. */
  text?: string;
}

const KEY = 'mattermostPayloads.sendHistory';
const LIMIT = 50;
const MAX_TEXT = 100 * 1024;

/** The last 50 sends of this workspace, redacted, newest first. */
export class SendHistory {
  constructor(private readonly state: vscode.Memento) {}

  all(): SendRecord[] { return this.state.get<SendRecord[]>(KEY) ?? []; }

  async add(record: Omit<SendRecord, 'id' | 'detail'> & { detail: string }): Promise<SendRecord> {
    const entry: SendRecord = {
      ...record,
      id: `${record.at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      detail: redact(record.detail),
      // Kept for Resend only when small and free of anything that looks like a secret
      // (interactive payloads can carry callback tokens); otherwise Resend reads the file again.
      text: record.text !== undefined && record.text.length <= MAX_TEXT && redact(record.text) === record.text ? record.text : undefined,
    };
    await this.state.update(KEY, [entry, ...this.all()].slice(0, LIMIT));
    return entry;
  }

  async clear(): Promise<void> { await this.state.update(KEY, []); }
}

export function describeTarget(t: SendTarget): string {
  return t.type === 'webhook' ? `webhook "${t.name}" (${t.redactedUrl})` : `~${t.channel} on ${t.origin}`;
}
