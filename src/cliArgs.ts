/** Command-line arguments for the CLI's commands (src/cli.ts lint, src/cliInvoke.ts invoke). */

/** Unusable input: one line on stderr, exit 2. */
export class UsageError extends Error {}

export type Arg = { flag: string; value: () => string } | { positional: string };

/**
 * Walks the arguments after a command: `--flag=value` and `--flag value` (its `value()` takes the next
 * argument, which must not be another `--flag`), `-x` flags, and positional arguments (`-` is one).
 */
export function* walkArgs(rest: readonly string[]): Generator<Arg> {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      const inline = a.slice(eq + 1);
      yield { flag: a.slice(0, eq), value: () => inline };
    } else if (a.startsWith('-') && a !== '-') {
      yield {
        flag: a,
        value: () => {
          const v = rest[++i];
          if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
          return v;
        },
      };
    } else {
      yield { positional: a };
    }
  }
}
