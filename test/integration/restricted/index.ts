import { runMochaFolder } from '../runner';

/** Runs with Workspace Trust enabled and the test workspace untrusted (Restricted Mode). */
export function run(): Promise<void> {
  return runMochaFolder(__dirname);
}
