// Which add-on version a config asks for, read against what EKS offers for the cluster's Kubernetes
// version (DescribeAddonVersions), as eksctl resolves it: the state reader uses it to fetch that
// version's pod identity configuration, the planner to plan the version. Pure.

import type { AddonVersionInfo } from './model.js';

/** hashicorp/go-version's shape, as eksctl parses add-on versions: `v1.19.2-eksbuild.5`. */
const VERSION =
  /^v?([0-9]+(?:\.[0-9]+)*)(?:-?([0-9A-Za-z\-~]+(?:\.[0-9A-Za-z\-~]+)*))?(?:\+[0-9A-Za-z\-~.]+)?$/;

interface Parsed {
  segments: number[];
  prerelease: string;
}

function parse(version: string): Parsed | undefined {
  const m = VERSION.exec(version);
  if (!m) return undefined;
  const segments = m[1].split('.').map(Number);
  while (segments.length < 3) segments.push(0);
  return { segments, prerelease: m[2] ?? '' };
}

const isNumeric = (s: string): boolean => /^[0-9]+$/.test(s);

function comparePart(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return isNumeric(b) ? -1 : 1;
  if (b === '') return isNumeric(a) ? 1 : -1;
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  if (isNumeric(a)) return -1;
  if (isNumeric(b)) return 1;
  return a < b ? -1 : 1;
}

function comparePrereleases(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1; // a release is newer than any of its prereleases
  if (b === '') return -1;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = comparePart(x[i] ?? '', y[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** go-version's order: numeric segments, then a release above its prereleases (`-eksbuild.N` by N). */
export function compareAddonVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.max(x.segments.length, y.segments.length); i++) {
    const d = (x.segments[i] ?? 0) - (y.segments[i] ?? 0);
    if (d !== 0) return d;
  }
  return comparePrereleases(x.prerelease, y.prerelease);
}

export type VersionResolution =
  | { version: AddonVersionInfo; problem?: undefined }
  | { version?: undefined; problem: { message: string; hint: string } };

const listHint = (kubernetesVersion: string): string =>
  `"aws eks describe-addon-versions --kubernetes-version ${kubernetesVersion} --addon-name NAME" lists what EKS offers`;

/**
 * eksctl's resolution (getLatestMatchingVersion): no version → the default for the cluster's
 * Kubernetes version; an exact version → itself; `latest` → the newest; part of a version (`1.19`)
 * → the newest that contains it.
 */
export function resolveAddonVersion(
  addon: string,
  kubernetesVersion: string,
  versions: AddonVersionInfo[],
  requested: string | undefined,
): VersionResolution {
  if (versions.length === 0) {
    return {
      problem: {
        message: `no versions available for "${addon}"`,
        hint: `EKS offers no add-on "${addon}" for Kubernetes ${kubernetesVersion}; check the name (${listHint(kubernetesVersion)})`,
      },
    };
  }
  if (!requested) {
    const preferred = versions.find((v) => v.isDefault);
    if (preferred) return { version: preferred };
  } else {
    const exact = versions.find((v) => v.version === requested);
    if (exact) return { version: exact };
    const candidates = versions.filter(
      (v) => requested === 'latest' || v.version.includes(requested),
    );
    const unparsable = candidates.find((v) => parse(v.version) === undefined);
    if (unparsable) {
      return {
        problem: {
          message: `failed to parse version "${unparsable.version}": malformed version: ${unparsable.version}`,
          hint: 'name an exact version of the add-on instead',
        },
      };
    }
    if (candidates.length > 0) {
      const newest = [...candidates].sort((a, b) => compareAddonVersions(b.version, a.version));
      return { version: newest[0] };
    }
  }
  const offered = [...versions]
    .sort((a, b) => compareAddonVersions(b.version, a.version))
    .slice(0, 5)
    .map((v) => v.version);
  return {
    problem: {
      message: `no version(s) found matching "${requested ?? ''}" for "${addon}"`,
      hint: `use latest, leave version out for the default, or one of: ${offered.join(', ')}`,
    },
  };
}

/** The version the add-on will run: the live one when the config names none, else the resolved one. */
export function targetAddonVersion(
  addon: string,
  kubernetesVersion: string,
  versions: AddonVersionInfo[],
  requested: string | undefined,
  liveVersion: string | undefined,
): VersionResolution {
  if (!requested && liveVersion) {
    // eksctl keeps the running version; one EKS no longer lists for this Kubernetes version still runs.
    const listed = versions.find((v) => v.version === liveVersion);
    return {
      version: listed ?? { version: liveVersion, isDefault: false, requiresIamPermissions: false },
    };
  }
  return resolveAddonVersion(addon, kubernetesVersion, versions, requested);
}
