import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useMyHSP } from '../../api/hsp';
import type { Role } from '../../api/types';
import { LoadError, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { MyHspView } from './MyHspView';

/**
 * RoleHsp shows the signed-in candidate the Highly Skilled Professional
 * points this role would give them (GET /me/hsp): at their offer's salary,
 * or at both ends of the pay range, or, for an internship, why points do
 * not apply. When the profile lacks the date of birth, or the role states
 * no pay, it says so and where to fix it.
 */
export function RoleHsp({ role }: { role: Role }) {
  const { t } = useI18n();
  const hsp = useMyHSP(role.id, true);
  let body: React.ReactNode;
  if (hsp.isPending) body = <Loading />;
  else if (hsp.isError) {
    const e = hsp.error;
    const fields = e instanceof ApiError && e.status === 400 ? (e.problem?.errors ?? []) : [];
    if (fields.length > 0) {
      const missingBirth = fields.some((f) => f.field === 'date_of_birth');
      body = (
        <div className="notice">
          <ul className="plain-list">
            {fields.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
          {missingBirth && (
            <p>
              <Link to="/profile?step=about">{t('web.hsp.add_birth')}</Link>
            </p>
          )}
        </div>
      );
    } else body = <LoadError error={e} retry={() => void hsp.refetch()} />;
  } else body = <MyHspView hsp={hsp.data} />;
  return (
    <section className="panel hsp-panel" aria-labelledby="hsp-title">
      <h2 id="hsp-title" className="panel__title">
        {t('web.hsp.role_title')}
      </h2>
      {body}
      <p>
        <Link to="/hsp">{t('web.hsp.try_calculator')}</Link>
      </p>
    </section>
  );
}
