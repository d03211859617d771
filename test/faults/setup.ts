// Fault scenarios stream, kill, restart and wait for quiet: each may take minutes.
jest.setTimeout(15 * 60 * 1000);
