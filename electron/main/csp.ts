/**
 * The Content-Security-Policy of the renderer. The same policy is in renderer/index.html as a
 * meta tag (so the browser build has it too) and is sent as a header on every app:// response
 * (so it also holds for responses a meta tag cannot cover, such as worker scripts); the browser
 * build's servers send the same headers (vite.config.ts). tests/electron/csp.test.ts checks that
 * the policies agree, tests/electron/web-headers.test.ts that vite preview sends them.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React and chart.js set inline style attributes; no inline <script> is ever allowed.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Return the policy as one header value. */
export function contentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Parse a policy string into directive → sources (sorted), for comparing two policies. */
export function parseCsp(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values.sort();
  }
  return out;
}

/** Return the security headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
  };
}

/**
 * Return the headers the browser build's servers send (vite.config.ts): those of app://, less the
 * Permissions-Policy features a browser does not know ('bluetooth' is behind a flag in Chromium,
 * which reports it as a console error on every page).
 */
export function webServerHeaders(): Record<string, string> {
  const headers = securityHeaders();
  const known = headers['Permissions-Policy']!.split(', ').filter((f) => !f.startsWith('bluetooth='));
  return { ...headers, 'Permissions-Policy': known.join(', ') };
}
