/** What every scenario gets from the runner. */
export type Context = {
  databaseUrl: string;
  /** Also run the scenarios that support it on PGlite. */
  pglite: boolean;
  /** Seconds of each autocannon measurement. */
  loadSeconds: number;
  /** How many counties take part in the deadline surge (all of them by default). */
  surgeCounties: number;
  /** Stop starting new counties in the surge after this many seconds (the rest are reported as skipped). */
  surgeSeconds: number;
  /** Size of the large upload, bytes. */
  largeUploadBytes: number;
  log(line: string): void;
};
