import { nodeIo, run } from './run.js';

// Entry of the `onething` bin (packages/server/bin/onething.js).
process.exitCode = await run(process.argv.slice(2), nodeIo());
