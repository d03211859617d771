export * from './privacy/pseudonymize';
export * from './patient/profile';
export * from './eligibility/evaluate';
export * from './notification/policy';
