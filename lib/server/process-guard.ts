/**
 * A promise nobody awaited must not take the backend down: one hostile RDAP answer once surfaced as an unhandled
 * rejection and killed the process (issue 14 §1). It is logged, without a stack, and the server keeps serving.
 */
export function describeReason(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  return String(reason).slice(0, 500);
}

let installed = false;

export function installProcessGuards(log: (line: string) => void = (line) => console.error(line)): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) =>
    log(`[takedown] unhandled rejection (the server keeps running): ${describeReason(reason)}`),
  );
}
