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

/** What the calendar says about one date (for a centre when built with its closed days). */
export interface DayInfo {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly workingDay: boolean;
  readonly kind: DayKind;
  /** The holiday's name for holidays and make-up working days; the reason for a closed day. */
  readonly name?: string;
}

/** A day a centre closes on its own (relocation, local emergency...), not a national holiday. */
export interface ClosedDay {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly reason: string;
}

/** How a centre serves at a given moment (§5.1.3.1 service hours, §8.1.3.5 a–d). */
export type ServiceMode = 'regular' | 'extended' | 'lunch' | 'appointment-only' | 'closed';
