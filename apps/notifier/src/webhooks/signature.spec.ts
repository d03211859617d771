import { signWebhook, verifyWebhook } from './signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ kind: 'NEW_ELIGIBLE', patientPseudonym: 'pt_0123456789abcdef' });
  const ts = 1_790_000_000;
  const signature = signWebhook('s3cret', ts, body);

  it('verifies what was signed', () => {
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', { timestamp: String(ts), signature }, body, ts + 10)).toBe(true);
  });

  it('detects a changed body, another secret, another timestamp, and old deliveries', () => {
    expect(verifyWebhook('s3cret', { timestamp: String(ts), signature }, body.replace('NEW_ELIGIBLE', 'NEW_POTENTIAL'), ts)).toBe(false);
    expect(verifyWebhook('other', { timestamp: String(ts), signature }, body, ts)).toBe(false);
    expect(verifyWebhook('s3cret', { timestamp: String(ts + 1), signature }, body, ts)).toBe(false);
    expect(verifyWebhook('s3cret', { timestamp: String(ts), signature }, body, ts + 301)).toBe(false);
    expect(verifyWebhook('s3cret', { timestamp: String(ts) }, body, ts)).toBe(false);
  });
});
