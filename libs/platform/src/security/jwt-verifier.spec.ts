import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { InvalidTokenError, JwtVerifier } from './jwt-verifier';

describe('JwtVerifier claims', () => {
  let verifier: JwtVerifier;
  let sign: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    verifier = new JwtVerifier({ issuer: 'https://idp.test', audience: 'trialmatch', jwks: { keys: { keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k1' }] } }, clockToleranceSeconds: 5 });
    sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer('https://idp.test').setAudience('trialmatch').setIssuedAt().setExpirationTime('1h').sign(privateKey);
  });

  it('maps a sponsor with its organisation', async () => {
    await expect(verifier.verify(await sign({ sub: 's1', role: 'sponsor', org: 'acme' }))).resolves.toMatchObject({ role: 'sponsor', organisation: 'acme' });
  });

  it('refuses a sponsor token without an organisation (it would see every organisation\'s trials)', async () => {
    const token = await sign({ sub: 's1', role: 'sponsor' });
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(token)).rejects.toThrow(/org is required for a sponsor/);
  });

  it('a coordinator without sites sees none (no claim is no scope)', async () => {
    await expect(verifier.verify(await sign({ sub: 'c1', role: 'coordinator' }))).resolves.toMatchObject({ role: 'coordinator', sites: [] });
  });
});
