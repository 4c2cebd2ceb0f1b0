/** The web console's public face: serving the build and building it when stale. */
export { registerConsoleRoutes, type ConsoleOptions } from './routes.ts';
export { buildConsoleIfStale, CONSOLE_DIST } from './web-build.ts';
