/** One entry of a year's arrangement, in the public holiday-cn data format. */
export interface HolidayDay {
  readonly name: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** true: a day off (holiday); false: a make-up working day (调休上班). */
  readonly isOffDay: boolean;
}

/** A year's arrangement as published (holiday-cn format: `{year, papers, days}`). */
export interface HolidayYear {
  readonly year: number;
  readonly papers?: readonly string[];
  readonly days: readonly HolidayDay[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday' | 'closed';
