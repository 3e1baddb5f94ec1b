import semver from 'semver';
import { checkVersion, compareDefinitions, type BumpLevel, type Json, type VersionChange, type VersionCheck } from '@onething/engine';

/** What the publish dialog shows before a version is published. */
export interface PublishPlan {
  /** The highest published version, the one the draft is compared with (none: a first version). */
  previous: string | null;
  /** Every change since `previous`, breaking ones (major) first. */
  changes: VersionChange[];
  /** The smallest bump the changes need; null when there is no previous version. */
  required: BumpLevel | null;
  /** The version to offer: `previous` bumped by `required` (at least a patch), or the draft's own for a first version. */
  suggested: string;
}

const RANK: Record<BumpLevel, number> = { major: 0, minor: 1, patch: 2 };

/**
 * Plans publishing a draft: compares it with the highest published version of the same
 * definition (the engine's compatibility check) and suggests the semver that fits.
 * @example planPublish([{ version: '1.0.0', body: v1 }], v2WithoutAField).suggested // '2.0.0'
 */
export function planPublish(published: ReadonlyArray<{ version: string; body: Json | undefined }>, draft: { version: string }): PublishPlan {
  const sorted = published.filter((p) => semver.valid(p.version)).sort((a, b) => semver.compare(a.version, b.version));
  const previous = sorted.at(-1);
  if (!previous) return { previous: null, changes: [], required: null, suggested: semver.valid(draft.version) ?? '1.0.0' };
  const changes = compareDefinitions(previous.body, draft).sort((a, b) => RANK[a.level] - RANK[b.level]);
  const required: BumpLevel = changes.reduce<BumpLevel>((level, c) => (RANK[c.level] < RANK[level] ? c.level : level), 'patch');
  return { previous: previous.version, changes, required, suggested: semver.inc(previous.version, required) ?? previous.version };
}

/**
 * Checks a candidate version against the highest published version below it, as the server
 * does when publishing (so the dialog refuses what the server would refuse).
 * @example checkCandidate(published, draft, '1.0.1').ok // false when a field was removed
 */
export function checkCandidate(published: ReadonlyArray<{ version: string; body: Json | undefined }>, draft: object, version: string): VersionCheck | null {
  if (!semver.valid(version)) return null;
  const below = published.filter((p) => semver.valid(p.version) && semver.lt(p.version, version)).sort((a, b) => semver.compare(a.version, b.version));
  const previous = below.at(-1);
  return previous ? checkVersion(previous.body, { ...draft, version }) : null;
}

/** Whether a string is a semantic version. @example isVersion('1.2.3') // true */
export function isVersion(value: string): boolean {
  return semver.valid(value) === value;
}
