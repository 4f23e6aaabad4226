/**
 * Editing an item's draft: save, or save and submit for the legality review
 * (§7.3.2.2c). Field errors of the API land next to their fields; a refused
 * submission lists every missing element (§7.3.3.3) above the form as well.
 */
import { Button, Card, Flex, Form } from 'antd';
import { useRef, useState } from 'react';
import { api, type ApiError } from '../../shared/api.ts';
import { applyApiError, FormError, type FormFailure } from '../../shared/form-errors.tsx';
import type { ItemView } from '../../shared/types.ts';
import { useDepartments } from '../lookups.ts';
import { useCatalogueAccess } from './access.ts';
import { isPublicationError, onForm } from './issue-paths.ts';
import type { ItemValues } from './item-form.ts';
import { ItemForm } from './ItemForm.tsx';
import { PublicationIssues } from './PublicationIssues.tsx';

export interface ItemEditFormProps {
  readonly initialValues: ItemValues;
  readonly selfId?: string;
  /** Creates or updates the item; returns it as saved. */
  readonly persist: (values: ItemValues) => Promise<ItemView>;
  /** After a save (`submitted`: the draft also went to review). */
  readonly onSaved: (item: ItemView, submitted: boolean) => void;
  /** Offer 保存并提交审查 (not for a new item: it is saved as a draft first). */
  readonly canSubmit: boolean;
  readonly saveText?: string;
  readonly onCancel?: () => void;
}

export function ItemEditForm({ initialValues, selfId, persist, onSaved, canSubmit, saveText, onCancel }: ItemEditFormProps) {
  const [form] = Form.useForm<ItemValues>();
  const departments = useDepartments();
  const { canWrite } = useCatalogueAccess();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Both buttons submit the form (Enter saves); this says which one was pressed.
  const intent = useRef<'save' | 'submit'>('save');
  // A chief representative writes items of their own department only.
  const writable = (departments.data?.items ?? []).filter((d) => (!d.retiredAt && canWrite(d.id)) || d.id === initialValues.departmentId);

  const finish = async (values: ItemValues) => {
    const submit = intent.current === 'submit';
    intent.current = 'save';
    setBusy(true);
    setFailure(null);
    setRefused(null);
    let saved: ItemView | null = null;
    try {
      saved = await persist(values);
      if (submit) await api.post(`/api/v1/items/${saved.id}/versions/${saved.latest.number}/submit`, {});
      onSaved(saved, submit);
    } catch (error) {
      if (isPublicationError(error)) {
        // The draft is saved; only the submission was refused.
        setRefused(error);
        applyApiError(form, onForm(error, true));
        if (saved) onSaved(saved, false);
      } else {
        setFailure(applyApiError(form, onForm(error, false)));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ItemForm
      form={form}
      initialValues={initialValues}
      departments={writable}
      departmentsLoading={departments.loading}
      {...(selfId ? { selfId } : {})}
      onFinish={(v) => void finish(v)}
      header={
        <>
          <FormError failure={failure} />
          <PublicationIssues error={refused} onClose={() => setRefused(null)} />
        </>
      }
      footer={
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          <Flex gap={8} wrap>
            {/* Enter presses the first submit button, so a plain Enter always saves. */}
            <Button type="primary" htmlType="submit" loading={busy} onClick={() => (intent.current = 'save')}>
              {saveText ?? '保存草稿'}
            </Button>
            {canSubmit ? (
              <Button htmlType="submit" disabled={busy} onClick={() => (intent.current = 'submit')}>
                保存并提交审查
              </Button>
            ) : null}
            {onCancel ? (
              <Button onClick={onCancel} disabled={busy}>
                取消
              </Button>
            ) : null}
          </Flex>
        </Card>
      }
    />
  );
}
