export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}
export interface CliCommand {
  summary: string;
  /** Resolves to the exit code: 0 ok, 2 invalid input, other codes as the command documents. */
  run(args: string[], io: CliIo): Promise<number>;
}
