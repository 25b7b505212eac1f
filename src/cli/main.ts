import { toolVersion } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, UsageError } from './exitCodes.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `oslo-audit ${toolVersion}: how far OpenStack projects are from the Oslo libraries, and how far along their retirement is`,
    '',
    'Usage: oslo-audit COMMAND [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'oslo-audit COMMAND --help' for a command's options. Exit codes: 0 ok, 1 findings over a threshold,",
    '2 usage or input error, 3 some projects failed.',
    '',
  ].join('\n');
}

/** Runs the CLI and returns the exit code; errors are one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${toolVersion}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`oslo-audit: unknown command ${JSON.stringify(name)} (try --help)\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n\n${entry.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`oslo-audit ${entry.name}: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`oslo-audit ${entry.name}: ${(e as Error).message.split('\n')[0]}\n`);
    return EXIT.usage;
  }
}
