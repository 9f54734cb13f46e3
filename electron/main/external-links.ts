/**
 * The only web sites the app will open in the user's browser: its own home page and the
 * public NHS and health-policy sites its documentation cites.
 */
export const EXTERNAL_ALLOWLIST: readonly string[] = [
  'momentum.invalid',
  'www.nhs.uk',
  'www.england.nhs.uk',
  'transform.england.nhs.uk',
  'digital.nhs.uk',
  'www.kingsfund.org.uk',
  'www.nuffieldtrust.org.uk',
];

/** Return whether `url` may be handed to shell.openExternal: https, no credentials or odd port, host on the allowlist. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && !u.username && !u.password && u.port === '' && allowlist.includes(u.hostname);
}
