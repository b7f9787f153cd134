/** The options every load benchmark takes (`bench:api`, `bench:cluster`). */
export interface LoadOptions {
  /** Seconds of load per measured read. */
  duration: number;
  /** Concurrent connections. */
  connections: number;
  /** Use the production build already there instead of running `strapi build`. */
  skipBuild: boolean;
}

/** A value after an option, as the command line gave it, and its name for messages. */
type OptionReader<T> = (read: { text: () => string | undefined; wholeNumber: () => number }, options: T) => void;

/**
 * Reads `--duration S`, `--connections C`, `--skip-build` and the benchmark's own options into
 * `defaults`' shape. A bad or unknown option throws with the usage line.
 */
export function parseLoadOptions<T extends LoadOptions>(argv: readonly string[], defaults: T, usage: string, own: Record<string, OptionReader<T>> = {}): T {
  const options: T = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const text = (): string | undefined => argv[++i];
    const wholeNumber = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a whole number ≥ 1.\n${usage}`);
      return value;
    };
    if (arg === '--duration') options.duration = wholeNumber();
    else if (arg === '--connections') options.connections = wholeNumber();
    else if (arg === '--skip-build') options.skipBuild = true;
    else if (own[arg]) (own[arg] as OptionReader<T>)({ text, wholeNumber }, options);
    else throw new Error(`Unknown option ${arg}.\n${usage}`);
  }
  return options;
}
