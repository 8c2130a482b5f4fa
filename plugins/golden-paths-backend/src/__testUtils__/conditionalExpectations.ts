import semver from 'semver';
import {
  CONDITIONAL_FOLLOWERS,
  CONDITIONAL_PATHS,
  type FixtureFollower,
  type FixturePath,
  ORPHAN_FOLLOWER,
} from './conditionalCatalog';
import { CONDITIONAL_USERS as U } from './conditionalPolicy';

/** What the policies decide a component's readability by. */
export type Catalogued = Pick<
  FixtureFollower,
  'name' | 'owner' | 'labels' | 'embargoed' | 'system'
>;

/**
 * A policy as the catalog applies it, written again here from
 * conditionalPolicy.ts (never from Golden Paths' code): which components
 * and paths its users may read.
 */
export interface Policy {
  /** Names the policy in the tests' titles. */
  name: string;
  /** May refresh and run upgrades. */
  reader: string;
  /** Reads the same, may neither refresh nor run upgrades. */
  viewer?: string;
  /** Whether its users may read the component in the catalog. */
  reads(component: Catalogued): boolean;
  /** Whether its users may read the path in the catalog. */
  readsPath(path: FixturePath): boolean;
}

/**
 * The three conditional policies, and the follower-but-no-path case of the
 * same kind (the policies of carol and dave in plugin.test.ts).
 */
export const POLICIES: Policy[] = [
  {
    name: 'isEntityOwner or isEntityKind',
    reader: U.ownerReader,
    viewer: U.ownerViewer,
    reads: c => c.owner === 'group:default/team-b' || c.owner === U.ownerReader,
    readsPath: () => true,
  },
  {
    name: 'hasLabel, not hasLabel, not hasAnnotation',
    reader: U.labelReader,
    viewer: U.labelViewer,
    reads: c => c.labels.visibility === 'internal' && !c.embargoed,
    readsPath: p => p.labels?.confidentiality !== 'restricted',
  },
  {
    name: 'a custom catalog rule (IS_IN_SYSTEM)',
    reader: U.systemReader,
    viewer: U.systemViewer,
    reads: c => c.system === 'payments',
    readsPath: () => true,
  },
  {
    name: 'followers readable, no path readable',
    reader: U.noPaths,
    reads: c => c.owner === 'group:default/team-b' || c.owner === U.noPaths,
    readsPath: () => false,
  },
];

/** The users of a policy that may neither refresh nor run upgrades. */
export function viewersOf(policy: Policy): string[] {
  return policy.viewer ? [policy.viewer] : [];
}

/** What a policy's user may see, worked out from the fixture. */
export function viewOf(policy: Policy) {
  const paths = CONDITIONAL_PATHS.filter(p => policy.readsPath(p));
  const readable = CONDITIONAL_FOLLOWERS.filter(f => policy.reads(f));
  const visible = readable.filter(f => paths.some(p => p.name === f.path));
  return {
    paths,
    hiddenPaths: CONDITIONAL_PATHS.filter(p => !paths.includes(p)),
    /** Readable followers of readable paths: what figures count. */
    visible,
    /** Readable in the catalog, but their path is not. */
    orphaned: readable.filter(f => !visible.includes(f)),
    unreadable: CONDITIONAL_FOLLOWERS.filter(f => !readable.includes(f)),
    readable,
  };
}

/** What a caller who may read everything sees. */
export const ALL = viewOf({
  name: 'everything',
  reader: U.admin,
  reads: () => true,
  readsPath: () => true,
});

/** The ref of a component of the default namespace. */
export const componentRef = (name: string) => `component:default/${name}`;
/** The ref of a golden path of the default namespace. */
export const pathRefOf = (name: string) => `goldenpath:default/${name}`;
/** Code-unit order, as refs sort in the database. */
export function byRef(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Passes every check of its path, by the fixture's facts. */
export function isCompliant(follower: FixtureFollower): boolean {
  return Object.values(follower.checks).every(status => status === 'pass');
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A path's figures over the given followers, from the fixture's facts. */
export function expectedFigures(
  path: FixturePath,
  followers: FixtureFollower[],
) {
  const of = followers.filter(f => f.path === path.name);
  const compliant = of.filter(isCompliant).length;
  // Counted apart from FollowerTally, the code under test: each drift
  // status by filtering the fixture's followers, every follower of a
  // deprecated path deprecated too.
  const statuses = [
    ...['up-to-date', 'patch-behind', 'minor-behind', 'major-behind'],
    ...['ahead', 'unknown'],
  ];
  const drift: Record<string, number> = Object.fromEntries(
    statuses.map(status => [status, of.filter(f => f.drift === status).length]),
  );
  drift.deprecated = path.lifecycle === 'deprecated' ? of.length : 0;
  const versions = new Map<string, number>();
  for (const { version } of of) {
    versions.set(version, (versions.get(version) ?? 0) + 1);
  }
  return {
    summary: {
      ref: pathRefOf(path.name),
      adoption: of.length,
      compliant,
      complianceRatio: ratio(compliant, of.length),
      drift,
    },
    checks: path.guarantees.map(id => {
      const count = (status: string) =>
        of.filter(f => f.checks[id] === status).length;
      return {
        id,
        pass: count('pass'),
        fail: count('fail'),
        unknown: count('unknown'),
        passRatio: ratio(count('pass'), of.length),
      };
    }),
    versions: [...versions]
      .map(([version, count]) => ({ version, count }))
      .sort((a, b) => byRef(a.version, b.version)),
  };
}

/** The followers behind their path, as a bulk planning lists them. */
export function expectedPlans(
  path: FixturePath,
  followers: FixtureFollower[],
  maxPlanned: number,
) {
  const behind = followers
    .filter(f => f.path === path.name && semver.lt(f.version, path.version))
    .sort(
      (a, b) =>
        semver.compare(a.version, b.version) ||
        byRef(componentRef(a.name), componentRef(b.name)),
    );
  return {
    listed: behind.slice(0, maxPlanned).map(f => ({
      entityRef: componentRef(f.name),
      version: f.version,
    })),
    omitted:
      behind.length > maxPlanned ? behind.length - maxPlanned : undefined,
  };
}

/** Matches `text` as a whole token, not inside a longer name or version. */
function escape(text: string): RegExp {
  return new RegExp(
    `(?<![\\w.])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.])`,
  );
}

/** Something an answer must not contain, and where it may. */
export interface Secret {
  /** Names the secret in a failure. */
  what: string;
  pattern: RegExp;
  /** Answers to requests that name these may echo the secret. */
  unlessRouteNames: string[];
}

/**
 * What a policy's user must never read in an answer: the refs, names,
 * titles of components they may not read, and the titles, versions and
 * owners of paths they may not read, unless the catalog shows them to the
 * user anyway (a readable follower's version, a readable path's owner).
 */
export function secretsOf(policy: Policy): Secret[] {
  const view = viewOf(policy);
  const shown = new Set([
    ...view.readable.flatMap(f => [f.version, f.owner]),
    ...view.paths.flatMap(p => [p.version, p.owner]),
    ORPHAN_FOLLOWER.version,
    ORPHAN_FOLLOWER.owner,
  ]);
  const secrets: Secret[] = [];
  const add = (what: string, value: string, unless: string[] = []) => {
    if (!shown.has(value)) {
      secrets.push({ what, pattern: escape(value), unlessRouteNames: unless });
    }
  };
  for (const follower of view.unreadable) {
    add(`${follower.name}'s name`, follower.name, [follower.name]);
    add(`${follower.name}'s title`, follower.title);
    add(`${follower.name}'s version`, follower.version);
    add(`${follower.name}'s owner`, follower.owner);
  }
  for (const path of view.hiddenPaths) {
    // A readable follower names its path in its annotations.
    add(`${path.name}'s name`, path.name, [
      path.name,
      ...view.readable.filter(f => f.path === path.name).map(f => f.name),
    ]);
    add(`${path.name}'s title`, path.title);
    add(`${path.name}'s version`, path.version);
    add(`${path.name}'s owner`, path.owner);
  }
  return secrets;
}
