import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

// Thin wrapper so every CLI reports bad flags the same way.
export function cliArgs<const O extends Options>(options: O, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: true, strict: true as const });
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}
