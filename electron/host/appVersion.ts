/** The app's version: set at build time (scripts/build.mjs defines RECFORGE_VERSION), '0.0.0-dev' from source. */
export const appVersion = process.env.RECFORGE_VERSION ?? '0.0.0-dev';
