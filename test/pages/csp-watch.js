// Loaded first by the zero-JavaScript embed page: records every CSP / Trusted Types
// violation for the test to read (an inline script could not, under the policy).
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`), true);
