/** At least 10 characters, with letters and digits; at most 200 so hashing stays bounded. */
export function isStrongPassword(password: string): boolean {
  return password.length >= 10 && password.length <= 200 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
