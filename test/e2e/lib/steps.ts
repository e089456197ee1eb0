// Named steps with timings, so that a failed run says which step failed and how long each took.
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`step "${step}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  log(`${name} ...`);
  try {
    const result = await action();
    log(`${name}: done in ${seconds(started)}`);
    return result;
  } catch (error) {
    log(`${name}: FAILED after ${seconds(started)}`);
    throw error instanceof StepFailure ? error : new StepFailure(name, error);
  }
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
