import type { MyHSP } from '../../api/hsp';
import { Notice } from '../../components/Status';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { hspEnds } from './hspEnds';
import { Breakdown, Lifts, PointsFigure, TableUsed, Verdicts } from './HspResultView';

const atLabel = { offer: 'web.hsp.at_offer', pay: 'web.hsp.at_pay', bottom: 'web.hsp.at_bottom', top: 'web.hsp.at_top' } as const;

/**
 * MyHspView is the candidate's points for one role: for an internship, why
 * points do not apply; else the points at each salary that matters (the
 * offer's, or both ends of the range), what they mean at the lower one, the
 * items that scored, and what would lift the points from there.
 */
export function MyHspView({ hsp }: { hsp: MyHSP }) {
  const { t, yen } = useI18n();
  const ends = hspEnds(hsp);
  const lower = ends[0];
  if (!lower) return <Notice>{t('web.hsp.internship')}</Notice>;
  const lead: MessageKey = lower.at === 'offer' ? 'web.hsp.role_lead_offer' : lower.at === 'pay' ? 'web.hsp.role_lead' : 'web.hsp.role_lead_range';
  return (
    <>
      <p className="muted">{t(lead)}</p>
      <div className={ends.length > 1 ? 'hsp-ends hsp-ends--two' : 'hsp-ends'}>
        {ends.map((e) => (
          <div key={e.at} className="hsp-end">
            <h3 className="hsp-end__at">{t(atLabel[e.at], { Salary: yen(e.salary) })}</h3>
            <PointsFigure result={e.result} />
          </div>
        ))}
      </div>
      {ends.length > 1 && <h3 className="hsp-end__at">{t('web.hsp.verdicts_bottom')}</h3>}
      <Verdicts result={lower.result} />
      <TableUsed result={lower.result} />
      <details className="disclosure">
        <summary>{t('web.hsp.breakdown')}</summary>
        {ends.map((e) => (
          <Breakdown key={e.at} result={e.result} caption={ends.length > 1 ? t(atLabel[e.at], { Salary: yen(e.salary) }) : t('web.hsp.breakdown')} />
        ))}
      </details>
      <Lifts lifts={hsp.lifts} title={ends.length > 1 ? t('web.hsp.lifts_bottom') : undefined} />
    </>
  );
}
