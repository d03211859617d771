export * from './topics';
export * from './headers';
export * from './validation';
export * from './patient-events/v1';
export * from './patient-profiles/v1';
export * from './trial-criteria/v1';
export * from './match-results/v1';
export * from './match-notifications/v1';
