import { parseArgs } from 'node:util';
import { errorData, type AppErrorData } from '../../shared/result';
import { EXIT, exitCodeFor, type CliCommand, type CliIO } from './command';
import { COMMANDS } from './commands';
import { flagsHelp } from './schema-flags';

export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function makeIO(json: boolean, streams: CliStreams): CliIO {
  return {
    json,
    out(value, human) {
      streams.stdout(json || human === undefined ? `${JSON.stringify(value, null, json ? 0 : 2)}\n` : `${human}\n`);
    },
    fail(error: AppErrorData, extra) {
      streams.stderr(`错误 [${error.code}]：${error.message}\n`);
      // what a library said, for whoever supports the user (never part of the message itself)
      if (error.detail) streams.stderr(`  （详情：${error.detail}）\n`);
      for (const p of error.problems ?? []) {
        const where = [p.file, p.sheet, p.row !== undefined ? `第${p.row}行` : undefined, p.column].filter(Boolean).join(' ');
        streams.stderr(`  ${where ? `${where}：` : ''}${p.message}${p.value !== undefined ? `（值：${p.value}）` : ''} [${p.code}]\n`);
      }
      if (json) streams.stdout(`${JSON.stringify({ error, ...extra })}\n`);
      return exitCodeFor(error);
    },
    note(line) {
      streams.stderr(`${line}\n`);
    },
  };
}

function helpText(commands: CliCommand[]): string {
  return [
    '外资工作台 FDI Desk 命令行',
    '用法：npm run -s cli -- <命令> [选项]',
    '',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '  help',
    '      显示本帮助',
    '',
    '每个命令都接受 --json（机器可读输出）；<命令> --help 列出该命令的选项。退出码：0 成功，1 输入被拒绝，2 文件或数据库无法读取，3 内部错误。',
  ].join('\n');
}

/** `<command> --help`: its usage and summary, each flag read from the method's schema described, then the others. */
function commandHelp(c: CliCommand): string {
  const described = new Set((c.schemaFlags ?? []).map((f) => f.flag));
  const others = Object.entries(c.options).filter(([name]) => !described.has(name));
  return [
    `用法：npm run -s cli -- ${c.usage}`,
    `  ${c.summary}`,
    '',
    '选项：',
    ...flagsHelp(c.schemaFlags ?? []).map((l) => `  ${l.replace('\n', '\n  ')}`),
    ...others.map(([name, o]) => `  --${name}${o.type === 'string' ? ' …' : ''}`),
  ].join('\n');
}

/** Finds the command named by the first one or two words. */
function findCommand(args: string[], commands: CliCommand[]): { command: CliCommand; rest: string[] } | null {
  const two = `${args[0]} ${args[1]}`;
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: args.slice(2) };
  const byOne = commands.find((c) => c.name === args[0]);
  return byOne ? { command: byOne, rest: args.slice(1) } : null;
}

export async function runCli(argv: string[], streams: CliStreams, commands: CliCommand[] = COMMANDS): Promise<number> {
  const json = argv.includes('--json');
  const io = makeIO(json, streams);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    streams.stdout(`${helpText(commands)}\n`);
    return EXIT.ok;
  }
  const found = findCommand(argv, commands);
  if (!found) {
    io.fail(errorData('UNKNOWN_METHOD', `未知命令“${argv.slice(0, 2).join(' ')}”，运行 help 查看可用命令`));
    return EXIT.refused;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    streams.stdout(`${commandHelp(found.command)}\n`);
    return EXIT.ok;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: found.rest, options: found.command.options, allowPositionals: true, strict: true });
  } catch (err) {
    return io.fail(errorData('INVALID_INPUT', `参数有误；用法：${found.command.usage}`, undefined, (err as Error).message));
  }
  try {
    return await found.command.run(parsed.values, parsed.positionals, io);
  } catch (err) {
    // the Chinese line with the code first, like every other error; the stack after it, for whoever fixes it
    io.fail(errorData('INTERNAL', undefined, undefined, (err as Error)?.message ?? String(err)));
    streams.stderr(`${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.internal;
  }
}
