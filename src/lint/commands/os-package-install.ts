// An OS package install by any of the package managers apt.ts, apk.ts and rpm.ts recognise.
import type { ShellCommand } from '../shell.js';
import { apkCommand } from './apk.js';
import { APT_INSTALL_SUBS, aptCommand } from './apt.js';
import { RPM_INSTALL_SUBS, rpmCommand } from './rpm.js';

/** An OS package install of any kind (apt, apk, dnf/yum): for IG006 "a package install in the same RUN". */
export function isOsPackageInstall(cmd: ShellCommand): boolean {
  const apt = aptCommand(cmd);
  if (apt) return APT_INSTALL_SUBS.has(apt.sub);
  const apk = apkCommand(cmd);
  if (apk) return apk.sub === 'add' || apk.sub === 'upgrade' || apk.sub === 'fix';
  const rpm = rpmCommand(cmd);
  if (rpm) return RPM_INSTALL_SUBS.has(rpm.sub);
  return false;
}
