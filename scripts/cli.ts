// What every script shares. Exit codes: 0 ok; 1 bad usage, bad config or another error (one line,
// never a stack trace; PLAN_STACK_TRACES=1 shows it); 3 a plan diff that replaces or removes
// something stateful; 4 verify found violations; 5 a mandatory policy violation (plan
// --policies). `--help`/`-h` prints the usage and exits 0 before anything runs; output piped into
// `head` ends quietly.
import { parseArgs, ParseArgsConfig } from "util";
import { ConfigError } from "../components/config/errors";

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true }>
>;

function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof UsageError) console.error(err.message);
  else if (process.env.PLAN_STACK_TRACES) console.error(err);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

/** Parse the arguments and run; `positionals` says how many the script takes. */
export function runScript<O extends Options>(
  usage: string,
  options: O,
  main: (args: Parsed<O>) => Promise<number> | number,
  positionals = false,
): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    fail(err);
  });
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  let args: Parsed<O>;
  try {
    args = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed<O>;
    if (!positionals && args.positionals.length)
      throw new Error(`unexpected argument '${args.positionals[0]}'`);
  } catch (err) {
    fail(new UsageError(`${(err as Error).message}\n${usage}`));
  }
  Promise.resolve()
    .then(() => main(args))
    .then((code) => process.exit(code), fail);
}

/** The --stack value, required. */
export function requireStack(stack: string | undefined, usage: string): string {
  if (!stack) throw new UsageError(`--stack is required\n${usage}`);
  return stack;
}
