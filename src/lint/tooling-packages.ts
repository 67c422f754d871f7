// Which installed packages a build tool named in a Dockerfile brings (IG001, IG011): `apt-get install gcc` installs
// the `gcc` metapackage and, through it, gcc-12, cpp-12, binutils, the sanitizer runtimes and the C headers. A
// small table, by package manager, of the packages each tool's install pulls in; any other name (`libpq-dev`)
// stands for itself. Pure data.

type Manager = 'apt' | 'apk' | 'rpm' | 'pip';

// Debian 13 splits each compiler into a front package and the one holding the binaries: gcc-14 and
// gcc-14-x86-64-linux-gnu, cpp-14-x86-64-linux-gnu.
const CROSS = '(-[a-z0-9_-]+-linux-gnu[a-z0-9_]*)?';
const DEB_GCC = [
  new RegExp(`^(gcc|cpp)(-\\d+)?${CROSS}$`),
  /^lib(gomp|atomic|jansson|sframe)\d+$/,
  /^libgcc-\d+-dev$/,
  /^binutils(-[a-z0-9_-]+)?$/,
  /^libbinutils$/,
  /^libctf(-nobfd)?\d+$/,
  /^libgprofng\d+$/,
  /^lib(asan|lsan|tsan|ubsan|hwasan|itm|quadmath)\d+$/,
  /^libcc1-\d+$/,
  /^libisl\d+$/,
  /^libmpc\d+$/,
  /^libmpfr\d+$/,
  /^libc6-dev$/,
  /^libc-dev-bin$/,
  /^linux-libc-dev$/,
  /^libcrypt-dev$/,
  /^libnsl-dev$/,
  /^libtirpc-dev$/,
  /^rpcsvc-proto$/,
];
const DEB_GXX = [new RegExp(`^g\\+\\+(-\\d+)?${CROSS}$`), /^libstdc\+\+-\d+-dev$/, ...DEB_GCC];
const DEB: Record<string, RegExp[]> = {
  gcc: DEB_GCC,
  'g++': DEB_GXX,
  // dpkg-dev brings perl and the Perl modules it uses, compressors, fakeroot, sq (signatures) and manual pages
  'build-essential': [
    /^build-essential$/,
    /^make$/,
    /^dpkg-dev$/,
    /^patch$/,
    /^bzip2$/,
    /^xz-utils$/,
    /^(lib)?fakeroot$/,
    /^sq$/,
    /^manpages(-dev)?$/,
    /^libgdbm(-compat)?\d+(t64)?$/,
    /^perl$/,
    /^libperl5\.\d+$/,
    /^perl-modules-5\.\d+$/,
    /^lib(dpkg|algorithm-diff|algorithm-diff-xs|algorithm-merge|file-fcntllock|locale-gettext)-perl$/,
    ...DEB_GXX,
  ],
  clang: [/^clang(-\d+)?$/, /^libclang/, /^llvm(-\d+)?(-[a-z-]+)?$/, /^libllvm\d+/, ...DEB_GCC],
  make: [/^make$/],
  cmake: [/^cmake(-data)?$/],
};

const APK_GCC = [
  /^gcc$/,
  /^binutils$/,
  /^isl\d*$/,
  /^mpc1$/,
  /^mpfr4$/,
  /^libgomp$/,
  /^libatomic$/,
  /^musl-dev$/,
];
const APK_BASE = [
  /^build-base$/,
  /^g\+\+$/,
  /^make$/,
  /^libc-dev$/,
  /^fortify-headers$/,
  /^libstdc\+\+-dev$/,
  /^patch$/,
  ...APK_GCC,
];
const APK: Record<string, RegExp[]> = {
  gcc: APK_GCC,
  'g++': [/^g\+\+$/, /^libstdc\+\+-dev$/, ...APK_GCC],
  'build-base': APK_BASE,
  'alpine-sdk': [/^alpine-sdk$/, /^abuild$/, ...APK_BASE],
  clang: [/^clang\d*(-[a-z-]+)?$/, /^llvm\d*-libs$/, ...APK_GCC],
  make: [/^make$/],
  cmake: [/^cmake$/],
};

const RPM_GCC = [
  /^gcc$/,
  /^cpp$/,
  /^glibc-devel$/,
  /^glibc-headers$/,
  /^kernel-headers$/,
  /^libmpc$/,
  /^binutils(-gold)?$/,
  /^libxcrypt-devel$/,
];
const RPM: Record<string, RegExp[]> = {
  gcc: RPM_GCC,
  'gcc-c++': [/^gcc-c\+\+$/, /^libstdc\+\+-devel$/, ...RPM_GCC],
  clang: [/^clang(-libs|-resource-filesystem)?$/, /^llvm-libs$/, ...RPM_GCC],
  make: [/^make$/],
  cmake: [/^cmake(-data|-filesystem|-rpm-macros)?$/],
};

/** Python distribution names compare lower-cased, runs of `-`, `_` and `.` as one `-` (PEP 503). */
export function pythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * A test for the names of the packages (of the manager's ecosystem) that installing `tool` brings; the tool
 * itself always counts.
 */
export function toolingPackages(manager: Manager, tool: string): (name: string) => boolean {
  if (manager === 'pip') {
    const wanted = pythonName(tool);
    return (name) => pythonName(name) === wanted;
  }
  const table = manager === 'apt' ? DEB : manager === 'apk' ? APK : RPM;
  // `gcc-12` counts as `gcc` does; `development tools` (a dnf group) is not a package name
  const family = table[tool] ?? table[tool.replace(/-\d+(\.\d+)*$/, '')] ?? [];
  return (name) => name === tool || family.some((re) => re.test(name));
}

/** The ecosystem of `Package` that a tooling install's manager writes to. */
export function ecosystemOf(manager: Manager): 'deb' | 'apk' | 'rpm' | 'python' {
  return manager === 'apt' ? 'deb' : manager === 'pip' ? 'python' : manager;
}
