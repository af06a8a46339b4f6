/**
 * Fault injection. A fault targets requests by path prefix (and optionally method) and fires `count` times
 * (default 1, or 'always'). A `delay` fault delays the request and lets it continue (possibly into another
 * fault); every other kind answers the request itself.
 */

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

interface FaultTarget {
  /** Path prefix the fault applies to (e.g. "/api/v4/posts", "/hooks/"). Default: every non-control path. */
  path?: string;
  /** Only this method (e.g. "POST"). */
  method?: string;
  /** How many requests it fires for. Default 1. */
  count?: number | 'always';
}

export type Fault = FaultTarget & (
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status?: number; id?: string; message?: string }
  | { kind: 'unauthorized' }
  | { kind: 'rateLimit'; retryAfterSeconds?: number; resetSeconds?: number; headers?: 'both' | 'retry-after' | 'reset' | 'none' }
  | { kind: 'redirect'; status?: RedirectStatus; location: string }
  | { kind: 'malformedJson'; status?: number }
  | { kind: 'hugeBody'; bytes?: number; contentLength?: boolean }
  | { kind: 'reset' }
);

type FaultKind = Fault['kind'];

const KINDS: readonly FaultKind[] = ['delay', 'status', 'unauthorized', 'rateLimit', 'redirect', 'malformedJson', 'hugeBody', 'reset'];

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Validates a fault received as JSON; throws with a readable message. */
export function parseFault(v: unknown): Fault {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('A fault is a JSON object with a "kind".');
  const f = v as Record<string, unknown>;
  if (typeof f.kind !== 'string' || !KINDS.includes(f.kind as FaultKind)) throw new Error(`Unknown fault kind; use one of ${KINDS.join(', ')}.`);
  if (f.path !== undefined && (typeof f.path !== 'string' || !f.path.startsWith('/'))) throw new Error('"path" must start with "/".');
  if (f.count !== undefined && f.count !== 'always' && !(typeof f.count === 'number' && Number.isInteger(f.count) && f.count > 0)) throw new Error('"count" must be a positive integer or "always".');
  if (f.kind === 'delay' && !(typeof f.ms === 'number' && f.ms >= 0)) throw new Error('"delay" needs "ms".');
  if (f.kind === 'redirect' && typeof f.location !== 'string') throw new Error('"redirect" needs "location".');
  return f as unknown as Fault;
}

export class FaultBook {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    const f = parseFault(fault);
    this.faults.push({ fault: f, remaining: f.count === 'always' ? Infinity : (f.count ?? 1) });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(a => a.fault);
  }

  /** Takes (and counts down) the first matching delay fault and the first matching answering fault. */
  take(method: string, path: string): { delay?: Extract<Fault, { kind: 'delay' }>; answer?: Exclude<Fault, { kind: 'delay' }> } {
    const out: { delay?: Extract<Fault, { kind: 'delay' }>; answer?: Exclude<Fault, { kind: 'delay' }> } = {};
    for (const a of this.faults) {
      const f = a.fault;
      if (a.remaining <= 0) continue;
      if (f.path !== undefined && !path.startsWith(f.path)) continue;
      if (f.method !== undefined && f.method.toUpperCase() !== method) continue;
      if (f.kind === 'delay') {
        if (out.delay) continue;
        out.delay = f;
      } else {
        if (out.answer) continue;
        out.answer = f;
      }
      a.remaining--;
    }
    this.faults = this.faults.filter(a => a.remaining > 0);
    return out;
  }
}
