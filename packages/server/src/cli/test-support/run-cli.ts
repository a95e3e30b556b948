import { runCli } from '../../cli.js';
import type { CliContext } from '../context.js';

/** Runs the CLI in-process, capturing what it prints and its exit code. */
export async function runCliCapturing(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env,
    setExitCode: () => undefined,
  };
  const code = await runCli(args, ctx);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
