import { DomainError } from '@hemonet/core';

/**
 * The rules a password chosen by a person must meet. Kept deliberately short: length is what
 * resists guessing (NIST SP 800-63B §5.1.1.2 favours a minimum length over composition rules), and
 * the two "not equal" rules stop the obvious non-changes. Generated passwords (account creation,
 * admin reset) are 96 random bits and never go through here.
 */
export const minPasswordLength = 12;

export type PasswordRule = 'TOO_SHORT' | 'SAME_AS_CURRENT' | 'SAME_AS_USERNAME';

export const passwordRuleBroken = (
  password: string,
  context: { username: string; current: string },
): PasswordRule | null => {
  if ([...password].length < minPasswordLength) return 'TOO_SHORT';
  if (password === context.current) return 'SAME_AS_CURRENT';
  if (password.toLowerCase() === context.username.toLowerCase()) return 'SAME_AS_USERNAME';
  return null;
};

const explanations: Record<PasswordRule, string> = {
  TOO_SHORT: `the new password must have at least ${minPasswordLength} characters`,
  SAME_AS_CURRENT: 'the new password must differ from the current one',
  SAME_AS_USERNAME: 'the new password must not be the username',
};

/** Throws `WEAK_PASSWORD` (400) naming the rule the password breaks. */
export const assertPasswordAcceptable = (
  password: string,
  context: { username: string; current: string },
): void => {
  const rule = passwordRuleBroken(password, context);
  if (rule) throw new DomainError('WEAK_PASSWORD', explanations[rule], { rule });
};
