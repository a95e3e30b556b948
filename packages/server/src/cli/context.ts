/**
 * What a CLI command may touch: output streams, the environment and its exit code. Commands get
 * it injected so tests run them in-process and read what they printed.
 */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Non-zero when the command ran but its answer is "no" (e.g. a broken ledger). */
  setExitCode(code: number): void;
}

export const EXIT_OK = 0;
/** The command ran and found a problem (ledger verify: the chain is broken). */
export const EXIT_FAILURE = 1;
/** Invalid input or usage: a one-line reason on stderr. */
export const EXIT_USAGE = 2;

export const processContext = (): CliContext => ({
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  setExitCode: (code) => {
    process.exitCode = code;
  },
});
