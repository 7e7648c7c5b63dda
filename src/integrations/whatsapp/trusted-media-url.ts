// Media URLs come from provider responses and webhooks; we attach our token to them, so they must point at the
// provider (or at the configured base URL, which is the sandbox locally). Anything else is refused rather than
// handed a credential.
export function isTrustedMediaUrl(url: string, baseUrl: string, trustedHostSuffixes: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const base = new URL(baseUrl);
  if (target.origin === base.origin) return true;
  if (target.protocol !== "https:") return false;
  return trustedHostSuffixes.some((suffix) => target.hostname === suffix || target.hostname.endsWith(`.${suffix}`));
}
