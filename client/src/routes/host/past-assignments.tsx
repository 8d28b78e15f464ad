import type { QuizSummary } from '@quizbus/shared';
import { useLocale } from '../../i18n/i18n-context.ts';
import { listAssignments } from '../../net/assignment-api.ts';
import { Link } from '../../router/router.tsx';
import { OnDemandList } from './on-demand-list.tsx';

/** A quiz's assignments, on demand: deadline, attempts started, and the way to each one's progress and report. */
export function PastAssignments({ quiz }: { quiz: QuizSummary }) {
  const { t, format } = useLocale();
  const label = t('assignments.label', { title: quiz.title });
  return (
    <OnDemandList
      label={label}
      button={t('assignments.button')}
      none={t('assignments.none')}
      load={async () => (await listAssignments()).filter((a) => a.quizId === quiz.id)}
      render={(list) => (
        <table className="past-games__table">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assign.deadline')}</th>
              <th scope="col">{t('assignments.attempts')}</th>
              <th scope="col">{t('assign.progressLink')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.assignmentId}>
                <td>
                  {format.dateTime(a.closesAt)}
                  {a.closed ? ` · ${t('assignment.closed')}` : ''}
                </td>
                <td>{format.number(a.attemptCount)}</td>
                <td>
                  <Link href={`/host/assignments/${encodeURIComponent(a.assignmentId)}`}>{t('display.pin', { pin: a.pin })}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
