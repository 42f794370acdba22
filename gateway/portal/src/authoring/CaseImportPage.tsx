import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ImportReport } from '../api/framework-authoring';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { frameworkPath } from './FrameworkPage';
import { useCaseImport } from './hooks';
import { TableScroll } from '../shell/TableScroll';

interface ChosenFile {
  name: string;
  pkg: unknown;
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsText(file);
  });
}

export default function CaseImportPage() {
  const fileId = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [publish, setPublish] = useState(false);
  const dryRun = useCaseImport();
  const apply = useCaseImport();

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setReadError(null);
    dryRun.reset();
    apply.reset();
    if (!chosen) {
      return;
    }
    let text: string;
    try {
      text = await readText(chosen);
    } catch {
      setReadError(`${chosen.name} could not be read.`);
      return;
    }
    try {
      setFile({ name: chosen.name, pkg: JSON.parse(text) as unknown });
    } catch {
      setReadError(`${chosen.name} is not a JSON file. A CASE package is the JSON of a CFPackage.`);
    }
  };
  const options = { code: code.trim() || undefined, publish };
  const checked = dryRun.data;
  const imported = apply.data;

  return (
    <Page
      title="Import a CASE package"
      intro={
        <p>
          Import a 1EdTech CASE 1.0 package (CFDocument, CFItems, CFAssociations, CFRubrics) as a framework. A first
          import creates the framework; importing the same CFDocument again updates its draft. Check the package first:
          the check shows what would change and stores nothing.
        </p>
      }
      actions={<Link to="/authoring/frameworks">All frameworks</Link>}
    >
      <div className="field">
        <label htmlFor={fileId}>CASE package (JSON)</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      {readError ? (
        <p className="field-error" role="alert">
          {readError}
        </p>
      ) : null}
      <TextField
        label="Framework code (optional)"
        value={code}
        onChange={setCode}
        error={dryRun.error ?? apply.error}
        field="code"
        hint="Used when the import creates the framework; without it the code comes from the document title."
      />
      <div className="field">
        <label className="choice">
          <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} />
          Publish the framework after importing
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={!file || dryRun.isPending}
          onClick={() => {
            apply.reset();
            dryRun.mutate({ pkg: file!.pkg, dryRun: true, ...options });
          }}
        >
          {dryRun.isPending ? 'Checking…' : 'Check package (dry run)'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!file || !checked || apply.isPending || Boolean(imported)}
          onClick={() => apply.mutate({ pkg: file!.pkg, dryRun: false, ...options })}
        >
          {apply.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
      {!checked && file ? <p className="hint">Check the package before importing it.</p> : null}
      {dryRun.isError ? <ProblemMessage error={dryRun.error} title="The package could not be checked." /> : null}
      {apply.isError ? <ProblemMessage error={apply.error} title="The package was not imported." /> : null}
      {imported ? (
        <ReportView report={imported} />
      ) : checked ? (
        <ReportView report={checked} />
      ) : null}
    </Page>
  );
}

export function ReportView({ report }: { report: ImportReport }) {
  const counts: [string, number | string][] = [
    ['Competencies created', report.created.length],
    ['Competencies changed', report.changed.length],
    ['Competencies removed', report.removed.length],
    ['Competencies unchanged', report.unchanged],
    ['Relations added', report.relationsAdded.length],
    ['Relations removed', report.relationsRemoved.length],
    ['Scale changed', report.scaleChanged ? 'Yes' : 'No'],
    ['Warnings', report.warnings.length],
    ['Items skipped with errors', report.errors.length],
  ];
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{report.dryRun ? 'Dry run report' : 'Import report'}</h2>
      <p>
        {report.dryRun
          ? `Importing “${report.title}” would ${report.frameworkCreated ? 'create a new framework' : 'update the existing framework'}. Nothing has been stored yet.`
          : `“${report.title}” is imported${report.version ? ` as version ${report.version}` : ''}${report.published ? ' and published' : ''}.`}
      </p>
      {!report.dryRun ? (
        <p>
          <Link to={frameworkPath(report.frameworkId)}>Open the framework</Link>
        </p>
      ) : null}
      <TableScroll label="Import counts">
        <table>
          <caption>Counts</caption>
          <tbody>
            {counts.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {report.warnings.length > 0 ? (
        <>
          <h3>Warnings</h3>
          <ul>
            {report.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.errors.length > 0 ? (
        <>
          <h3>Errors (these items are left out)</h3>
          <ul>
            {report.errors.map((error, index) => (
              <li key={index}>
                <code>{error.identifier}</code>: {error.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.changed.length > 0 ? (
        <details>
          <summary>Changed competencies</summary>
          <ul>
            {report.changed.map((item) => (
              <li key={item.identifier}>
                {item.code}: {item.fields.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.removed.length > 0 ? (
        <details>
          <summary>Removed competencies</summary>
          <ul>
            {report.removed.map((item) => (
              <li key={item.identifier}>
                {item.code} {item.title}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
