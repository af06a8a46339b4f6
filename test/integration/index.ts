import { runMochaFolder } from './runner';

export function run(): Promise<void> {
  return runMochaFolder(__dirname);
}
