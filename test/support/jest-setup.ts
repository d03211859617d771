// Integration tests start real apps against a real broker and database: hooks and tests get two minutes.
jest.setTimeout(120_000);
