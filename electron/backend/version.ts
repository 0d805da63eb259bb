// Kept in step with package.json by a test (tests/unit/version.test.ts); not read from disk so bundles need no file.
export const APP_VERSION = '0.1.0';
