import { hash, type Options, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

// argon2id (algorithm 2) with the OWASP-recommended minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS: Options = {
  algorithm: 2 as NonNullable<Options['algorithm']>,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored argon2 hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of one verification so unknown usernames answer as slowly as wrong passwords. */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('jiqun-timing-equaliser');
  await verifyPassword(await dummy, password);
}

/** Minimum password rules for real accounts (demo accounts are exempt). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('at least 10 characters');
  if (password.length > 200) problems.push('at most 200 characters');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('letters and digits');
  return problems;
}

/** Refuses a weak password with VALIDATION_FAILED, each problem a detail at `path`. */
export function assertStrongPassword(password: string, path: string): void {
  const problems = passwordProblems(password);
  if (problems.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Password needs ${problems.join(', ')}`,
      problems.map((message) => ({ path, message })),
    );
  }
}
