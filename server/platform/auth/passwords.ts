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

// Passwords that pass the length and letters-and-digits rules yet top every leaked-password list, plus
// what people make from this system's name. The first thing an attacker tries; lowercased.
const WELL_KNOWN = new Set([
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'qwerty1234',
  'qwerty12345',
  'qwertyuiop1',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'abc1234567',
  'abcd123456',
  'a123456789',
  '123456789a',
  '1234567890a',
  'admin12345',
  'admin123456',
  'iloveyou123',
  'woaini1314',
  'jiqun12345',
  'jiqun123456',
]);

/** Minimum password rules for real accounts (demo accounts are exempt). */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('at least 10 characters');
  if (password.length > 200) problems.push('at most 200 characters');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('letters and digits');
  const lower = password.toLowerCase();
  if (WELL_KNOWN.has(lower)) problems.push('not a well-known password');
  if (username && username.length >= 3 && lower.includes(username.toLowerCase()))
    problems.push('not the user name');
  if (/^(.)\1+$/.test(password.replace(/\d+$/, ''))) problems.push('more than one repeated character');
  return problems;
}

/** Refuses a weak password with VALIDATION_FAILED, each problem a detail at `path`. */
export function assertStrongPassword(password: string, path: string, username?: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Password needs ${problems.join(', ')}`,
      problems.map((message) => ({ path, message })),
    );
  }
}
