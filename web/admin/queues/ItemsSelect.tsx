/** Picks the catalogue items a queue serves (several), searching by name or code among the centre's items. */
import { Select } from 'antd';
import { api } from '../../shared/api.ts';
import type { ItemSummary, PageOf } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { itemOptionLabel } from '../catalogue/ItemSearchSelect.tsx';
import { centrePath, useCentreId } from '../lookups.ts';

export interface ItemsSelectProps {
  readonly id?: string;
  readonly value?: string[];
  readonly onChange?: (value: string[]) => void;
}

export function ItemsSelect({ id, value, onChange }: ItemsSelectProps) {
  const centreId = useCentreId();
  // A centre's catalogue fits in one page of the list (at most 500 rows).
  const items = useLoad(() => api.get<PageOf<ItemSummary>>(centrePath(centreId, 'items'), { limit: 500 }), centreId);
  const options = (items.data?.items ?? []).filter((i) => !i.retiredAt || value?.includes(i.id)).map((i) => ({ value: i.id, label: itemOptionLabel(i) }));
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={items.loading}
      placeholder="输入事项名称或编码查找"
      maxTagCount="responsive"
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(next)}
      options={options}
    />
  );
}
