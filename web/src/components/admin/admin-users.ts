import type { Role } from '../../api/types.ts';

/** The form fields the server's validation details may name (paths come as `body.x` or `x`). */
export const USER_FIELDS = [
  'username',
  'displayName',
  'role',
  'divisionCode',
  'unitCode',
  'email',
  'password',
] as const;
export type UserField = (typeof USER_FIELDS)[number];

// The server's detail messages the screen knows, and the dictionary key saying each in the UI's language.
const KNOWN_MESSAGES: Record<string, string> = {
  taken: 'adminUsers.errors.taken',
  required: 'adminUsers.errors.required',
  'not a county': 'adminUsers.errors.notCounty',
  'unknown unit': 'adminUsers.errors.unknownUnit',
  'not your own account': 'adminUsers.errors.ownAccount',
  'at least 10 characters': 'adminUsers.errors.passwordLength',
  'at most 200 characters': 'adminUsers.errors.passwordTooLong',
  'letters and digits': 'adminUsers.errors.passwordMix',
  'not a well-known password': 'adminUsers.errors.passwordCommon',
  'not the user name': 'adminUsers.errors.passwordUsername',
  'more than one repeated character': 'adminUsers.errors.passwordRepeated',
};

export type FieldError = { name: UserField; errors: string[] };

/**
 * Splits an API error's details into messages per form field (translated when the message is a known one)
 * and the rest, shown above the form.
 */
export function userFieldErrors(
  details: unknown[],
  translate: (key: string) => string,
): { fields: FieldError[]; general: string[] } {
  const byField = new Map<UserField, string[]>();
  const general: string[] = [];
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : '';
    const known = KNOWN_MESSAGES[text];
    const shown = known ? translate(known) : text || translate('adminUsers.errors.invalid');
    const name = typeof path === 'string' ? path.replace(/^body\./, '') : '';
    if ((USER_FIELDS as readonly string[]).includes(name)) {
      const field = name as UserField;
      byField.set(field, [...(byField.get(field) ?? []), shown]);
    } else general.push(shown);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), general };
}

/**
 * Which scope fields a role's account needs when it is created: a division (a county for a county account,
 * a prefecture-level city for a city account; its unit follows from it) or a unit.
 */
export function scopeFieldsFor(role: Role | undefined): {
  division: 'county' | 'city' | null;
  unit: 'required' | 'optional' | null;
} {
  switch (role) {
    case 'county':
      return { division: 'county', unit: null };
    case 'city':
      return { division: 'city', unit: null };
    case 'unit':
      return { division: null, unit: 'required' };
    case 'expert':
      return { division: null, unit: 'optional' };
    default:
      return { division: null, unit: null };
  }
}

// No 0/O, 1/l/I: a password is read off a screen and typed or dictated.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random 16-character password of letters and digits, with at least one of each (browser crypto). */
export function randomPassword(random: (n: number) => number = cryptoIndex): string {
  const all = LETTERS + DIGITS;
  for (;;) {
    const chars = Array.from({ length: 16 }, () => all[random(all.length)] ?? 'x');
    chars[random(16)] = DIGITS[random(DIGITS.length)] ?? '2';
    const password = chars.join('');
    if (/[A-Za-z]/.test(password) && !/^(.)\1+$/.test(password.replace(/\d+$/, ''))) return password;
  }
}

function cryptoIndex(n: number): number {
  // Rejection sampling keeps every index equally likely.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const v = buf[0] ?? 0;
    if (v < limit) return v % n;
  }
}

/** The e-mail as the API takes it: trimmed, empty as null. */
export const emailForApi = (value: string | null | undefined): string | null => value?.trim() || null;
