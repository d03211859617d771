/** Two projects: fast unit tests beside the code, and integration/cross-service tests under test/
 *  that run against a real PostgreSQL server and a real Kafka broker (see scripts/test.sh). */
const moduleNameMapper = {
  '^@trialmatch/(core|contracts|platform)$': '<rootDir>/libs/$1/src',
  '^@trialmatch/(core|contracts|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = { rootDir: __dirname, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,deploy}/**/*.spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/unit-setup.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'], slowTestThreshold: 30 },
    // The reliability suite (test/faults): the services as processes, killed and restarted; `npm run test:faults` runs the full profile.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.ts'], setupFilesAfterEnv: ['<rootDir>/test/faults/setup.ts'], slowTestThreshold: 120 },
  ],
};
