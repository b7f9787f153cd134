import { parseLoadOptions, type LoadOptions } from '../../scripts/lib/load-options';

interface Options extends LoadOptions {
  articles: number;
}
const DEFAULTS: Options = { duration: 10, connections: 10, skipBuild: false, articles: 1000 };
const USAGE = 'Usage: bench';
const own = {
  '--articles': (read: { wholeNumber: () => number }, o: Options) => {
    o.articles = read.wholeNumber();
  },
};

describe('the load benchmarks’ options', () => {
  it('reads the shared options and the benchmark’s own, leaving the defaults untouched', () => {
    expect(parseLoadOptions(['--duration', '5', '--skip-build', '--articles', '2000'], DEFAULTS, USAGE, own)).toEqual({ duration: 5, connections: 10, skipBuild: true, articles: 2000 });
    expect(DEFAULTS.duration).toBe(10);
  });

  it.each([[['--connections', '0']], [['--duration', 'x']], [['--articles']], [['--nope']]])('refuses %j with the usage line', (argv) => {
    expect(() => parseLoadOptions(argv, DEFAULTS, USAGE, own)).toThrow(/Usage: bench/);
  });
});
