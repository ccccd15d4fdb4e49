/**
 * Collects every Content-Security-Policy and Trusted Types violation on the page. Load it
 * before the code under test so nothing slips past.
 */
export const violations: SecurityPolicyViolationEvent[] = [];

document.addEventListener('securitypolicyviolation', (e) => violations.push(e), true);

/** A readable summary of the violations so far. */
export function describeViolations(): string {
  return violations.map((v) => `${v.violatedDirective} blocked ${v.blockedURI || 'inline'} (${v.sample})`).join('\n');
}
