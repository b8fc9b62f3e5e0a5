// electron-builder configuration: `npm run dist` (needs network access: it downloads Electron,
// the NSIS toolchain, and rebuilds better-sqlite3 against Electron's ABI). It cannot run on the
// offline development machines; see README "Packaging".
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'nl.cjib.zaakbehandeling',
  productName: 'CJIB Zaakbehandeling',
  copyright: 'Centraal Justitieel Incassobureau',
  directories: { output: 'release', buildResources: 'build/resources' },
  // Only the bundles, the renderer build, the migrations and the one native dependency ship.
  files: ['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'dist/migrations/**', 'package.json', '!**/*.map'],
  asar: true,
  // The native SQLite binding cannot be loaded from inside an asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**'],
  // Rebuild better-sqlite3 for Electron's Node ABI at packaging time.
  npmRebuild: true,
  buildDependenciesFromSource: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'CJIB Zaakbehandeling',
    language: '1043',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'CJIB Zaakbehandeling',
  },
};
