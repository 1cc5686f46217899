import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type Round, useRound } from '../../api/rounds';
import type { User } from '../../api/types';
import NotFound from '../../components/NotFound';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';
import { RequireAccount } from '../account/RequireAccount';
import { RoundAdmin } from './RoundAdmin';
import { CandidateRanking, OrganizationRankings } from './RoundRankings';
import { RoundResults } from './RoundResults';
import { RoundStatusBadge } from './roundParts';

/**
 * RoundDetail is one matching round, for each kind of account: candidates
 * rank its roles, organisations rank the candidates who ranked their roles,
 * administrators open and run it; once run, each sees their own results.
 */
export default function RoundDetail() {
  return <RequireAccount kinds={['candidate', 'org_member', 'admin', 'ministry']}>{(me) => <RoundLoader me={me} />}</RequireAccount>;
}

function RoundLoader({ me }: { me: User }) {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const round = useRound(valid ? id : undefined);
  if (!valid || (round.error instanceof ApiError && round.error.status === 404)) return <NotFound />;
  return <QueryView query={round}>{(r) => <RoundView round={r} me={me} />}</QueryView>;
}

function RoundView({ round, me }: { round: Round; me: User }) {
  const { t, dateTime, plural } = useI18n();
  const roleIds = round.role_ids ?? [];
  return (
    <Page
      wide
      title={round.name}
      lead={
        <div className="lead-line">
          <RoundStatusBadge status={round.status} />
          <span>{t('web.rounds.deadline_at', { Date: dateTime(round.ranking_deadline) })}</span>
          <span>· {plural('web.rounds.roles_count', roleIds.length)}</span>
        </div>
      }
      actions={<Link to="/rounds">{t('web.rounds.all')}</Link>}
    >
      {me.role === 'admin' && <RoundAdmin round={round} />}
      {round.status === 'open' && me.role === 'candidate' && <CandidateRanking round={round} />}
      {round.status === 'open' && me.role === 'org_member' && <OrganizationRankings round={round} />}
      {round.status === 'completed' && me.role !== 'admin' && <RoundResults round={round} me={me} />}
      {round.status === 'open' && me.role === 'ministry' && <p>{t('web.rounds.ministry_note')}</p>}
    </Page>
  );
}
