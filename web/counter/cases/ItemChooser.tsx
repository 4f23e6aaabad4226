/**
 * The item of a new case: the ticket's item, or the items of the ticket's queue first,
 * else any published item of the centre found by name or code; or a "一件事" bundle
 * (§8.2.4), accepted at the comprehensive counter. Only published guides can be chosen
 * (§7.3.2.1): what the public reads is what the case is checked against.
 */
import { Form, Radio, Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { messageOf } from '../../shared/api.ts';
import type { BundleView } from '../../shared/types.ts';
import { listBundles, searchItems } from './case-api.ts';

export interface ItemOption {
  readonly id: string;
  readonly name: string;
  readonly hint?: string | null;
}

const SEARCH_DELAY_MS = 250;

export function ItemChooser({
  centreId,
  suggested,
  disabled,
  onBundles,
}: {
  centreId: string;
  /** The ticket's item, or its queue's items: listed first. */
  suggested: readonly ItemOption[];
  disabled: boolean;
  onBundles: (bundles: readonly BundleView[]) => void;
}) {
  const form = Form.useFormInstance();
  const target = Form.useWatch<'item' | 'bundle' | undefined>('target', form) ?? 'item';
  const [found, setFound] = useState<readonly ItemOption[]>([]);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [bundles, setBundles] = useState<readonly BundleView[]>([]);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const n = ++seq.current;
      setSearching(true);
      void searchItems(centreId, q)
        .then((r) => {
          if (n !== seq.current) return;
          setFound(r.items.map((i) => ({ id: i.id, name: i.name, hint: [i.departmentName, i.code].filter(Boolean).join(' · ') })));
          setSearchError(null);
        })
        .catch((e: unknown) => n === seq.current && setSearchError(messageOf(e)))
        .finally(() => n === seq.current && setSearching(false));
    }, SEARCH_DELAY_MS);
  };

  useEffect(() => {
    search('');
    void listBundles(centreId)
      .then((b) => {
        setBundles(b);
        onBundles(b);
      })
      .catch(() => setBundles([]));
    return () => window.clearTimeout(timer.current);
    // Loaded once per panel (the panel is mounted afresh each time it opens).
  }, [centreId]);

  const options = useMemo((): SelectProps['options'] => {
    const seen = new Set(suggested.map((s) => s.id));
    const label = (o: ItemOption) => (o.hint ? `${o.name}（${o.hint}）` : o.name);
    const rest = found.filter((o) => !seen.has(o.id)).map((o) => ({ value: o.id, label: label(o) }));
    if (suggested.length === 0) return rest;
    return [
      { label: '本号所取队列的事项', options: suggested.map((o) => ({ value: o.id, label: label(o) })) },
      { label: '其他已发布事项', options: rest },
    ];
  }, [found, suggested]);

  return (
    <>
      <Form.Item label="办理类型" name="target">
        <Radio.Group
          disabled={disabled}
          optionType="button"
          options={[
            { value: 'item', label: '单个事项' },
            { value: 'bundle', label: '“一件事”（§8.2.4）' },
          ]}
        />
      </Form.Item>
      {target === 'bundle' ? (
        <Form.Item label="“一件事”" name="bundleId" rules={[{ required: true, message: '请选择“一件事”' }]}>
          <Select
            disabled={disabled}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入名称查找，如：新生儿出生"
            notFoundContent="本中心没有可受理的“一件事”"
            options={bundles.map((b) => ({ value: b.id, label: b.unpublishedItemIds.length > 0 ? `${b.name}（含未发布事项，暂不能受理）` : b.name, disabled: b.unpublishedItemIds.length > 0 }))}
          />
        </Form.Item>
      ) : (
        <Form.Item
          label="办理事项"
          name="itemId"
          rules={[{ required: true, message: '请选择办理事项' }]}
          {...(searchError ? { help: `无法查找事项：${searchError}`, validateStatus: 'error' as const } : {})}
        >
          <Select
            disabled={disabled}
            showSearch={{ filterOption: false, onSearch: search }}
            loading={searching}
            placeholder="输入事项名称或编码查找（仅已发布的办事指南）"
            notFoundContent={searching ? '正在查找…' : '没有找到已发布的事项'}
            options={options}
          />
        </Form.Item>
      )}
    </>
  );
}
