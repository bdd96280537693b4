/**
 * The manifest's four-part <Version> from package.json's semantic version: 1.2.3 → 1.2.3.0. package.json
 * is the one source of truth; the build writes it into the manifest, and a test keeps manifest.xml in step.
 */
export function manifestVersion(packageVersion: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion);
  if (!match)
    throw new Error(
      `package.json version "${packageVersion}" must be major.minor.patch (no pre-release tag).`,
    );
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}
