import { COMMANDS } from './commands';

/** `npm run cli -- <command> ...`: exit 2 for invalid input, as every command promises. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: cli <${Object.keys(COMMANDS).join('|')}> ...\n`);
    return 2;
  }
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
