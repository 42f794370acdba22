import '../test/pages';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../api/framework-authoring';
import { FakePlatform, problem, signedIn, type Call } from '../test/server';
import { renderApp } from '../test/render';

const PACKAGE = {
  CFDocument: { identifier: 'a33fc64e-5c40-11e7-82c4-3d54268aa9ee', title: 'ACT Holistic Framework, Math' },
  CFItems: [{ identifier: '3d8cdec5-83d6-49b4-9300-91a824c59758', humanCodingScheme: 'H.A.MATH.GM', fullStatement: 'Geometry' }],
  CFAssociations: [],
};

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    frameworkId: 'fw-case',
    documentIdentifier: PACKAGE.CFDocument.identifier,
    title: 'ACT Holistic Framework, Math',
    dryRun: true,
    frameworkCreated: true,
    version: null,
    published: false,
    created: [{ identifier: '3d8cdec5-83d6-49b4-9300-91a824c59758', code: 'H.A.MATH.GM', title: 'Geometry' }],
    changed: [],
    removed: [],
    unchanged: 0,
    relationsAdded: [],
    relationsRemoved: [],
    scaleChanged: false,
    warnings: ['CFItem 3d8cdec5-83d6-49b4-9300-91a824c59758 has no isChildOf association; placed at the root'],
    errors: [{ identifier: 'bad-item', reason: 'the item has no fullStatement' }],
    millis: 12,
    ...overrides,
  };
}

function packageFile(content: string, name = 'act-math.json') {
  return new File([content], name, { type: 'application/json' });
}

describe('CASE import', () => {
  it('checksWithADryRun_thenImports', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['AUTHOR'] })).on(
      'POST',
      '/api/frameworks/case/import',
      (call: Call) => {
        const dryRun = new URL(call.url, 'http://portal.test').searchParams.get('dryRun') === 'true';
        return new Response(JSON.stringify(dryRun ? report() : report({ dryRun: false, version: 1, published: true })), {
          headers: { 'Content-Type': 'application/json' },
        });
      },
    );
    const { user } = renderApp('/authoring/import');

    expect(await screen.findByRole('heading', { level: 1, name: 'Import a CASE package' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.upload(screen.getByLabelText('CASE package (JSON)'), packageFile(JSON.stringify(PACKAGE)));
    // The page reads the file before it offers the check.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Check package (dry run)' })).toBeEnabled());
    await user.click(screen.getByLabelText('Publish the framework after importing'));
    await user.click(screen.getByRole('button', { name: 'Check package (dry run)' }));

    const dry = await screen.findByRole('region', { name: 'Dry run report' });
    expect(dry).toHaveTextContent('would create a new framework');
    const counts = within(dry).getByRole('table', { name: 'Counts' });
    expect(within(counts).getByRole('row', { name: 'Competencies created 1' })).toBeInTheDocument();
    expect(within(dry).getByText(/has no isChildOf association/)).toBeInTheDocument();
    expect(within(dry).getByText(/the item has no fullStatement/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import' }));

    const done = await screen.findByRole('region', { name: 'Import report' });
    expect(done).toHaveTextContent('is imported as version 1 and published');
    expect(within(done).getByRole('link', { name: 'Open the framework' })).toHaveAttribute('href', '/authoring/frameworks/fw-case');
    const calls = platform.callsTo('POST', '/api/frameworks/case/import');
    expect(calls.map((call) => call.url)).toEqual([
      '/api/frameworks/case/import?dryRun=true&publish=true',
      '/api/frameworks/case/import?dryRun=false&publish=true',
    ]);
    expect(calls[1]!.body).toEqual(PACKAGE);
  });

  it('saysTheFileIsNotJson_andSendsNothing', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['AUTHOR'] }));
    const { user } = renderApp('/authoring/import');

    await user.upload(await screen.findByLabelText('CASE package (JSON)'), packageFile('<xml/>', 'pkg.json'));

    expect(await screen.findByRole('alert')).toHaveTextContent('pkg.json is not a JSON file');
    expect(screen.getByRole('button', { name: 'Check package (dry run)' })).toBeDisabled();
    expect(platform.callsTo('POST', '/api/frameworks/case/import')).toHaveLength(0);
  });

  it('showsTheProblem_andKeepsImportClosed_whenThePackageIsUnusable', async () => {
    new FakePlatform(signedIn({ roles: ['AUTHOR'] })).on(
      'POST',
      '/api/frameworks/case/import',
      problem(400, 'the package has no CFDocument object', {}, 'req-case'),
    );
    const { user } = renderApp('/authoring/import');

    await user.upload(await screen.findByLabelText('CASE package (JSON)'), packageFile('{"CFItems":[]}'));

    // The page reads the file before it offers the check.

    await waitFor(() => expect(screen.getByRole('button', { name: 'Check package (dry run)' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Check package (dry run)' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The package could not be checked.');
    expect(alert).toHaveTextContent('the package has no CFDocument object');
    expect(alert).toHaveTextContent('req-case');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  });
});

vi.setConfig({ testTimeout: 15_000 });
