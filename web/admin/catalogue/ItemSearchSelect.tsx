/** Picks one item of the centre's catalogue by name or code, searching on the server as one types. */
import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ItemLevel } from '../../../src/domain/catalogue/hierarchy.ts';
import { api } from '../../shared/api.ts';
import type { ItemSummary, ItemView, PageOf } from '../../shared/types.ts';
import { centrePath, useCentreId } from '../lookups.ts';

export interface ItemOption {
  readonly value: string;
  readonly label: string;
  readonly level: string;
}

export const itemOptionLabel = (i: { name: string; code: string | null }) => (i.code ? `${i.name}（${i.code}）` : i.name);

export interface ItemSearchSelectProps {
  readonly id?: string;
  readonly value?: string | null;
  readonly onChange?: (value: string | null, option?: ItemOption) => void;
  /** Only items of these levels (e.g. a parent is a main or sub-item). */
  readonly levels?: readonly ItemLevel[];
  /** Items not to offer (the item itself, those already chosen). */
  readonly exclude?: readonly string[];
  readonly placeholder?: string;
  readonly ariaLabel?: string;
  readonly allowClear?: boolean;
}

export function ItemSearchSelect({ id, value, onChange, levels, exclude, placeholder, ariaLabel, allowClear = true }: ItemSearchSelectProps) {
  const centreId = useCentreId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ItemOption[]>([]);
  const [current, setCurrent] = useState<ItemOption | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  // Results follow the typing after a short pause; a late answer to an older query is dropped.
  useEffect(() => {
    if (centreId === null) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<PageOf<ItemSummary>>(centrePath(centreId, 'items'), { q: query.trim() || undefined, limit: 30 })
        .then((page) => {
          if (mine === seq.current) setFound(page.items.map((i) => ({ value: i.id, label: itemOptionLabel(i), level: i.level })));
        })
        .catch(() => undefined)
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [centreId, query]);

  // The chosen item may be outside the current results: fetch its name once.
  useEffect(() => {
    if (!value || current?.value === value || found.some((o) => o.value === value)) return;
    api
      .get<ItemView>(`/api/v1/items/${value}`)
      .then((i) => setCurrent({ value: i.id, label: itemOptionLabel({ name: i.name, code: i.handlingCode ?? i.implementationCode }), level: i.level }))
      .catch(() => undefined);
  }, [value, current, found]);

  const options = useMemo(() => {
    const list = found.filter((o) => (!levels || levels.includes(o.level as ItemLevel)) && !exclude?.includes(o.value));
    return current && current.value === value && !list.some((o) => o.value === current.value) ? [current, ...list] : list;
  }, [found, levels, exclude, current, value]);

  return (
    <Select<string, ItemOption>
      id={id}
      aria-label={ariaLabel}
      // null, not undefined: an empty value stays controlled (the picker of ItemOrderInput clears after each pick).
      value={value ?? null}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear={allowClear}
      loading={loading}
      placeholder={placeholder ?? '输入名称或编码查找'}
      notFoundContent={loading ? '正在查找…' : '没有匹配的事项'}
      options={options}
      onChange={(v, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        if (picked) setCurrent(picked);
        onChange?.(v ?? null, picked);
      }}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
