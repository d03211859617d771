// The CLI's entry point for the built image: `node -r tsconfig-paths/register dist/apps/cli/src/main.js keys create …`.
import { main } from './mmmatch';

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
