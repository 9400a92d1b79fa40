import { Link, useParams } from 'react-router';
import { Alert, EmptyState, PageSpinner } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import type { PersonSummary } from '../../lib/types.ts';
import { useOrgChart, useProfile } from './api.ts';
import { PersonLine } from './PersonLine.tsx';
import './people.css';

export function OrgChartPage() {
  const { handle = '' } = useParams();
  const org = useOrgChart(handle);
  const profile = useProfile(handle);
  useDocumentTitle(profile.data ? `Org chart · ${profile.data.name}` : 'Org chart');

  if (org.isPending || profile.isPending) return <PageSpinner label="Loading org chart…" />;
  if (org.isError || profile.isError) {
    return (
      <Alert tone="danger" title="Could not load the org chart">
        {errorMessage(org.error ?? profile.error)} <Link to="/people">Back to people</Link>
      </Alert>
    );
  }
  const person = profile.data;
  // The API lists the chain from the direct manager upwards; show it from the top down.
  const chain = [...org.data.chain].reverse();

  return (
    <>
      <div className="page-header">
        <h1>Org chart</h1>
        <Link to={`/people/${person.handle}`}>View {person.name}’s profile</Link>
      </div>
      <div className="org">
        {chain.length > 0 ? (
          <section aria-labelledby="org-chain">
            <h2 id="org-chain" className="org-heading">
              Reports to
            </h2>
            <ol className="org-chain">
              {chain.map((manager) => (
                <li key={manager.id} className="org-node">
                  <PersonLine person={manager} to={`/people/${manager.handle}/org`} />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <section aria-labelledby="org-person">
          <h2 id="org-person" className="visually-hidden">
            {person.name}
          </h2>
          <div className="org-node org-node-current">
            <PersonLine person={person} size="lg" current />
          </div>
        </section>
        <section aria-labelledby="org-reports">
          <h2 id="org-reports" className="org-heading">
            Direct reports ({org.data.reports.length})
          </h2>
          <Reports reports={org.data.reports} />
        </section>
      </div>
    </>
  );
}

function Reports({ reports }: { reports: PersonSummary[] }) {
  if (reports.length === 0) return <EmptyState title="No direct reports" />;
  return (
    <ul className="org-reports">
      {reports.map((report) => (
        <li key={report.id} className="org-node">
          <PersonLine person={report} to={`/people/${report.handle}/org`} />
        </li>
      ))}
    </ul>
  );
}
