import type { HSPResult, MyHSP } from '../../api/hsp';

/** One assessment to show, with the yearly salary it is at and what that salary is. */
export interface HspEnd {
  at: 'offer' | 'pay' | 'bottom' | 'top';
  salary: number;
  result: HSPResult;
}

/**
 * hspEnds says what a role's HSP panel shows: nothing but why points do not
 * apply (an internship), the points at the offer's salary, at the role's one
 * figure of pay, or at the bottom and the top of its range, bottom first.
 * The top of a range is never shown alone.
 */
export function hspEnds(my: MyHSP): HspEnd[] {
  const { assessment, low } = my;
  if (my.basis === 'not_applicable' || !assessment) return [];
  if (my.basis === 'offer') return [{ at: 'offer', salary: my.salary_jpy, result: assessment }];
  if (!low) return [];
  if (my.low_salary_jpy === my.salary_jpy) return [{ at: 'pay', salary: my.salary_jpy, result: low }];
  return [
    { at: 'bottom', salary: my.low_salary_jpy, result: low },
    { at: 'top', salary: my.salary_jpy, result: assessment },
  ];
}
