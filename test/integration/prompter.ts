import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Prompter } from '../../src/vscode/prompts';
import type { TestApi } from '../../src/extension';
import { EXTENSION_ID } from './util';

/** Runs `f` now, as an async function's body would: its result or its throw settles the promise. */
function settle<T>(f: () => T): Promise<T> {
  return new Promise(resolve => resolve(f()));
}

type Step =
  | { type: 'input'; value: string | undefined }
  | { type: 'pick'; match: (item: vscode.QuickPickItem) => boolean }
  | { type: 'ask' | 'info' | 'warn' | 'error'; value: string | undefined };

/**
 * Answers the extension's prompts from a script, in order, and records every prompt and message,
 * so tests can assert what the user was asked and told (and that no secret was in it).
 */
export class ScriptedPrompter implements Prompter {
  private steps: Step[] = [];
  /** Every prompt and message, in order; for an input box, whether it hides what is typed (`password`). */
  readonly seen: { type: string; text: string; password?: boolean }[] = [];

  script(...steps: Step[]): this { this.steps.push(...steps); return this; }
  remaining(): number { return this.steps.length; }
  texts(): string { return this.seen.map(s => s.text).join('\n'); }

  async input(o: vscode.InputBoxOptions): Promise<string | undefined> {
    this.seen.push({ type: 'input', text: `${o.title ?? ''} ${o.prompt ?? ''}`, password: o.password === true });
    const step = this.next('input', o.prompt);
    const value = step.type === 'input' ? step.value : undefined;
    if (value !== undefined && o.validateInput) {
      const problem = await o.validateInput(value);
      assert.ok(!problem, `input "${o.prompt}" rejected the scripted answer: ${JSON.stringify(problem)}`);
    }
    return value;
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], o: vscode.QuickPickOptions): Promise<T | undefined> {
    return settle(() => {
      this.seen.push({ type: 'pick', text: `${o.title ?? ''} ${o.placeHolder ?? ''}: ${items.map(i => `${i.label} ${i.description ?? ''}`).join(' | ')}` });
      const step = this.next('pick', o.placeHolder);
      if (step.type !== 'pick') return undefined;
      const found = items.find(i => i.kind !== vscode.QuickPickItemKind.Separator && step.match(i));
      assert.ok(found, `no item matched in pick "${o.placeHolder}": ${items.map(i => i.label).join(', ')}`);
      return found;
    });
  }

  ask(message: string, detail: string): Promise<string | undefined> { return this.message('ask', `${message} ${detail}`); }
  info(message: string): Promise<string | undefined> { return this.message('info', message); }
  warn(message: string): Promise<string | undefined> { return this.message('warn', message); }
  error(message: string): Promise<string | undefined> { return this.message('error', message); }

  private message(type: 'ask' | 'info' | 'warn' | 'error', text: string): Promise<string | undefined> {
    return settle(() => {
      this.seen.push({ type, text });
      // Notifications need no answer: only consume a scripted step when it is for this type.
      if (this.steps[0]?.type === type) return (this.steps.shift() as { value: string | undefined }).value;
      if (type === 'ask') this.next('ask', text); // a modal question must be scripted
      return undefined;
    });
  }

  private next(type: string, what: string | undefined): Step {
    const step = this.steps.shift();
    assert.ok(step, `unexpected ${type} prompt "${what}": the script has no more answers`);
    assert.strictEqual(step.type, type, `expected a ${step.type} prompt, got ${type} "${what}"`);
    return step;
  }
}

export const input = (value: string | undefined): Step => ({ type: 'input', value });
export const pick = (label: string | RegExp): Step => ({ type: 'pick', match: i => (typeof label === 'string' ? i.label === label || i.description === label : label.test(`${i.label} ${i.description ?? ''}`)) });
export const answer = (type: 'ask' | 'info' | 'warn' | 'error', value: string | undefined): Step => ({ type, value });

export async function testApi(): Promise<TestApi> {
  const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as TestApi | undefined;
  assert.ok(api?.services, 'the extension did not return its test API (ExtensionMode.Test)');
  return api;
}

export async function withPrompter(): Promise<ScriptedPrompter> {
  const p = new ScriptedPrompter();
  (await testApi()).services.prompts.current = p;
  return p;
}
