// What every script shares: a usage error or bad config is one clear message and exit 1, never a
// stack trace; anything else is an error message and exit 1 (PLAN_STACK_TRACES=1 shows the trace).
import { ConfigError } from "../components/config/errors";

export class UsageError extends Error {}

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError || err instanceof UsageError) console.error(err.message);
      else if (process.env.PLAN_STACK_TRACES) console.error(err);
      else console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
