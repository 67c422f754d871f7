// The unprivileged user IG010 advises and `lint --fix` switches to, read from the file: the user the final
// lineage creates, else the one the base image provides (distroless's and Chainguard's 65532, .NET's
// $APP_UID), else how to create one on that base (Alpine and BusyBox have adduser, not useradd).
import type { ImageRef } from '../core/image-ref.js';
import { commandName } from './shell.js';
import type { Stage } from './stages.js';

/** The users a command creates: `useradd [opts] NAME`, `adduser [opts] NAME` (Debian's and BusyBox's). */
export function createdUsers(argv: readonly string[]): string[] {
  const name = commandName(argv[0]!);
  if (name !== 'useradd' && name !== 'adduser') return [];
  // options that take a value, for useradd, Debian's adduser and BusyBox's adduser
  const valued =
    /^(-[bcdefgGkKpsuhHU]|--(base-dir|comment|home-dir|home|expiredate|inactive|gid|groups|skel|key|password|shell|uid|gecos|ingroup|firstuid|lastuid|conf|add-extra-groups))$/;
  const positionals: string[] = [];
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k]!;
    if (a.startsWith('-')) {
      if (valued.test(a)) k++;
      continue;
    }
    positionals.push(a);
  }
  // adduser USER GROUP adds a user to a group: no user is created
  return name === 'adduser' ? (positionals.length === 1 ? positionals : []) : positionals.slice(0, 1);
}

/** What kind of base the final image starts from, for the user advice. */
export type BaseKind = 'scratch' | 'distroless' | 'chainguard-static' | 'dotnet' | 'busybox' | 'other';

export function baseKind(base: Stage): BaseKind {
  if (base.scratch) return 'scratch';
  const ref: ImageRef | null = base.ref;
  if (!ref) return 'other';
  const registry = ref.registry ?? '';
  const path = ref.path;
  const tag = (ref.tag ?? '').toLowerCase();
  if (registry === 'gcr.io' && path.startsWith('distroless/')) return 'distroless';
  if (registry === 'cgr.dev' && /^chainguard\/static$/.test(path)) return 'chainguard-static';
  // APP_UID is set from .NET 8 on: `USER $APP_UID` on a 6.0 or 7.0 image would name no user
  const major = /^(\d+)\./.exec(tag)?.[1];
  if (
    registry === 'mcr.microsoft.com' &&
    path.startsWith('dotnet/') &&
    (major === undefined || Number(major) >= 8)
  )
    return 'dotnet';
  const last = path.split('/').pop()!;
  if (last === 'alpine' || last === 'busybox' || /(^|-)alpine/.test(tag)) return 'busybox';
  return 'other';
}

/** A user to write in `USER` that needs no command run on the base: what the base itself provides. */
export function providedUser(kind: BaseKind): string | null {
  if (kind === 'scratch' || kind === 'distroless' || kind === 'chainguard-static') return '65532:65532';
  if (kind === 'dotnet') return '$APP_UID';
  return null;
}

export interface UserAdvice {
  /** The sentence the message ends with. */
  short: string;
  /** The finding's fix. */
  fix: string;
}

/** The advice for an image that runs as root, given the users its lineage creates and its base. */
export function userAdvice(users: readonly string[], base: Stage): UserAdvice {
  if (users.length === 1) {
    const u = users[0]!;
    return {
      short: `Add \`USER ${u}\` (the user the image creates) before CMD.`,
      fix: `Switch to the user the image already creates: \`USER ${u}\` before CMD, after the steps that need root.`,
    };
  }
  if (users.length > 1) {
    const list = users.map((u) => `\`${u}\``).join(', ');
    return {
      short: `Add \`USER\` with one of the users the image creates (${list}) before CMD.`,
      fix: `Switch to the user that runs the program, one of those the image creates (${list}): \`USER ${users[0]}\` before CMD.`,
    };
  }
  const kind = baseKind(base);
  switch (kind) {
    case 'scratch':
    case 'chainguard-static':
      return {
        short: 'Add `USER 65532:65532` before CMD.',
        fix: `The base has no shell to run useradd: set a numeric user, \`USER 65532:65532\` (a numeric USER needs no /etc/passwd entry), before CMD.`,
      };
    case 'distroless':
      return {
        short: `Add \`USER 65532:65532\` or use the \`:nonroot\` tag of \`${base.ref!.registry}/${base.ref!.path}\`.`,
        fix: `Distroless has no shell to run useradd: use the base's \`:nonroot\` tag (\`FROM ${base.ref!.registry}/${base.ref!.path}:nonroot\`, user 65532) or add \`USER 65532:65532\` before CMD.`,
      };
    case 'dotnet':
      return {
        short: 'Add `USER $APP_UID` before CMD.',
        fix: "The .NET images define an unprivileged user: add `USER $APP_UID` (the images' `app` user, uid 1654) before ENTRYPOINT.",
      };
    case 'busybox':
      return {
        short: 'Add a user (`RUN adduser -D app`) and `USER app` before CMD.',
        fix: 'Alpine and BusyBox have no useradd: create the user with `RUN adduser -D app`, then `USER app` before CMD.',
      };
    default:
      return {
        short: 'Add a user and `USER app` before CMD.',
        fix: 'Create a user and switch to it before CMD: `RUN useradd --create-home app` then `USER app`.',
      };
  }
}
