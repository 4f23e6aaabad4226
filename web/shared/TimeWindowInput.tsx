/** A `{start, end}` window of the day (HH:MM) edited with a time range picker; cleared = null. */
import { TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export interface TimeWindowValue {
  start: string;
  end: string;
}

function toDayjs(time: string): Dayjs {
  const [h, m] = time.split(':');
  return dayjs().hour(Number(h)).minute(Number(m)).second(0).millisecond(0);
}

export interface TimeWindowInputProps {
  readonly id?: string;
  readonly value?: TimeWindowValue | null;
  readonly onChange?: (value: TimeWindowValue | null) => void;
  readonly allowClear?: boolean;
  readonly 'aria-label'?: string;
}

export function TimeWindowInput({ id, value, onChange, allowClear = true, ...rest }: TimeWindowInputProps) {
  return (
    <TimePicker.RangePicker
      id={id}
      format="HH:mm"
      minuteStep={5}
      needConfirm={false}
      allowClear={allowClear}
      placeholder={['开始', '结束']}
      aria-label={rest['aria-label']}
      value={value ? [toDayjs(value.start), toDayjs(value.end)] : null}
      onChange={(range) => {
        const [start, end] = range ?? [];
        onChange?.(start && end ? { start: start.format('HH:mm'), end: end.format('HH:mm') } : null);
      }}
      style={{ width: '100%', maxWidth: 260 }}
    />
  );
}
