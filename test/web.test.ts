import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pseudonymize } from '@trialmatch/core';
import { loadConfig } from '@trialmatch/platform';
import { startEmbedded, type EmbeddedSystem } from '../apps/embedded/src/bootstrap';
import { embeddedEnvSchema } from '../apps/embedded/src/config';

/**
 * The web app in a real browser (Debian's chromium, driven by playwright-core; nothing downloaded),
 * against embedded mode with the demo catalog and patients: sign in, open a patient, expand a trial's
 * criteria, move a match through the workflow, edit a trial and see the validation errors. Screenshots
 * of the main pages are kept in test-artifacts/screenshots.
 */
const KEY = 'web-test-pseudonym-key-0123456789';
const SHOTS = join(__dirname, '..', 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('web app in headless Chromium (embedded mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trialmatch-web-'));
  let sys: EmbeddedSystem;
  let browser: Browser;
  let page: Page;
  const demo = pseudonymize(KEY, 'demo-hospital', 'DEMO-0001');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sys = await startEmbedded(loadConfig(embeddedEnvSchema, { HTTP_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error', PSEUDONYM_KEY: KEY, WEB_DIR: join(__dirname, '..', 'apps', 'web', 'dist') }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const signIn = async (user: string) => {
    await page.goto(`${sys.url}/`);
    await page.getByLabel('User').selectOption(user);
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('signs a coordinator in and lists the site’s patients by best verdict', async () => {
    await page.goto(`${sys.url}/`);
    await shot('login');
    await page.getByLabel('User').selectOption('coordinator');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('unknown demo user or wrong password').waitFor();
    await signIn('coordinator');
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: demo }) });
    await row.waitFor({ timeout: 30000 });
    await page.getByRole('cell', { name: 'Eligible' }).first().waitFor({ timeout: 30000 });
    await shot('patients');
    expect(page.url()).not.toContain('DEMO-0001');
  });

  it('opens a patient: lines of therapy, class grid, labs with their age, trials ranked with every criterion', async () => {
    await page.getByRole('link', { name: demo }).click();
    await page.getByRole('heading', { name: /Lines of therapy \(3\)/ }).waitFor();
    await page.getByRole('heading', { name: 'Exposure and refractoriness by class' }).waitFor();
    await page.getByRole('heading', { name: 'Latest labs' }).waitFor();
    // The demo patient's reported progressions, each with the events behind it.
    await page.getByRole('heading', { name: 'Progression and relapse' }).waitFor();
    expect(await page.getByRole('cell', { name: 'progression (IMWG, reported)', exact: true }).count()).toBe(3);
    await page.getByText(/Latest progression began \d{4}-\d{2}-\d{2}, on line \d+/).waitFor();
    const trial = page.locator('details.result').filter({ hasText: 'NCT04557098' }).first();
    await trial.locator('summary').click();
    const criteria = trial.getByRole('table');
    await criteria.waitFor();
    expect(await criteria.getByRole('row').count()).toBeGreaterThan(3);
    expect(await criteria.getByRole('cell', { name: 'met', exact: true }).count()).toBeGreaterThan(0);
    await shot('patient');
    expect(page.url()).not.toContain('DEMO-0001');
  });

  it('moves the match through the screening workflow, recording a screen failure per criterion', async () => {
    const panel = page.getByLabel(/Screening for NCT04557098/).first();
    await panel.getByTestId('screening-status').getByText('new').waitFor();
    await panel.getByRole('button', { name: 'Move to reviewing' }).click();
    await panel.getByTestId('screening-status').getByText('reviewing').waitFor();
    await panel.getByRole('button', { name: 'Screen-failed…' }).click();
    await panel.getByRole('group', { name: 'Reason 1' }).getByLabel('Reason code').selectOption('lab-out-of-range');
    await panel.getByRole('group', { name: 'Reason 1' }).getByLabel('Note').fill('ANC low on repeat');
    await panel.getByRole('button', { name: 'Add a criterion' }).click();
    await panel.getByRole('group', { name: 'Reason 2' }).getByLabel('Reason code').selectOption('performance-status');
    await panel.getByRole('button', { name: 'Record screen failure' }).click();
    await panel.getByTestId('screening-status').getByText('screen-failed').waitFor();
    await panel.getByRole('list', { name: 'Screening history' }).getByText(/reviewing → screen-failed by demo:coordinator .*lab-out-of-range.*performance-status/).waitFor();
    await shot('workflow');
  });

  it('shows the inbox of notifications', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByText('New eligible').first().waitFor();
    await shot('inbox');
  });

  it('lets a sponsor edit a trial and see the validation errors live, and dry-run it with aggregate counts only', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    // by keyboard alone: the labelled fields in order, Enter submits
    await page.getByLabel('User').focus();
    await page.getByLabel('User').selectOption('sponsor-janssen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Trials' }).waitFor();
    await page.getByRole('link', { name: 'NCT04557098' }).click();
    const editor = page.getByLabel(/Criteria document/);
    await page.getByText('Valid.').waitFor();
    const doc = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    await editor.fill(JSON.stringify({ ...doc, status: 'SOMETIMES' }, null, 2));
    await page.getByTestId('validation-errors').getByText('/status').waitFor();
    await expect(page.getByRole('button', { name: 'Publish a new version' }).isDisabled()).resolves.toBe(true);
    await shot('trial-editor-errors');
    await editor.fill(JSON.stringify(doc, null, 2));
    await page.getByText('Valid.').waitFor();
    await page.getByRole('button', { name: 'Dry run against the current population' }).click();
    await page.getByRole('heading', { name: /Dry run: \d+ profiles screened/ }).waitFor();
    expect(await page.content()).not.toContain('pt_');
    await shot('trial-dry-run');
  });
});
