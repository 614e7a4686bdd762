/**
 * A test service run as a child process in the foreground (redis-server, dovecot -F): its stderr is kept for the
 * error a failed start throws, and stop() ends it (SIGTERM, then SIGKILL after 5 s) and removes its temp dir.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';

export interface ChildService {
  stderr: () => string;
  stop: () => Promise<void>;
}

export function spawnService(bin: string, args: string[], dir: string): ChildService {
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    stderr: () => stderr,
    stop: async () => {
      if (running()) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (running()) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
