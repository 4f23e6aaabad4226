/**
 * 开始办件 (DB36/T 2016 §8.1.2.3 受理): from the ticket in service, the clerk chooses the
 * item (or a "一件事", §8.2.4), records the applicant, checks every material of the
 * published guide, and decides — 受理, 容缺受理, 告知承诺受理, 一次性告知补正 or 不予受理 —
 * then hands the applicant the matching notice (PDF). The case is opened on the first
 * decision; a refused decision keeps the case open here with the errors at their fields.
 *
 * Keyboard: Enter moves to the next field, Ctrl+Enter confirms the decision, Esc closes.
 */
import { Alert, Button, Descriptions, Drawer, Form, Result, Spin, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ID_TYPE_LABELS, type IdType } from '../../../src/domain/cases/applicant.ts';
import { messageOf } from '../../shared/api.ts';
import { applyApiError, FormError, type FormFailure } from '../../shared/form-errors.tsx';
import type { BundleView, StaffView } from '../../shared/types.ts';
import type { TicketView } from '../types.ts';
import { ApplicantFields } from './ApplicantFields.tsx';
import { applyTransition, getBundle, listStaff, openCase, publishedGuide, rulesFor } from './case-api.ts';
import { noticesOf, NOTICE_LABELS, noticeUrl, toleranceOf } from './case-actions.ts';
import { dateText, dateTimeText, remainingLabel } from './case-format.ts';
import { ChecklistTable } from './ChecklistTable.tsx';
import { DECISIONS, decisionsOf, initialRows, type CaseRules, type ChecklistRow, type CounterDecision } from './checklist-model.ts';
import { DecisionFields } from './DecisionFields.tsx';
import { ItemChooser, type ItemOption } from './ItemChooser.tsx';
import { NoticeButtons } from './NoticeButtons.tsx';
import { atPanelFields, decisionCall, openBody, rowsFromCase, type PanelValues } from './panel-values.ts';
import type { CaseDetail } from './types.ts';

export interface CasePanelProps {
  readonly open: boolean;
  readonly centreId: string;
  /** The ticket at the counter: a case opens from it when it is in service. */
  readonly ticket: TicketView | null;
  /** The items of the ticket's queue, suggested first. */
  readonly queueItemIds: readonly string[];
  /** A case opened earlier and still 材料核验中: the panel takes it on. */
  readonly existing: CaseDetail | null;
  readonly onClose: () => void;
  readonly afterClose: () => void;
  /** After the decision was recorded (the workbench says so and suggests the ticket's outcome). */
  readonly onDecided: (detail: CaseDetail, decision: CounterDecision) => void;
  readonly onShowCase: (caseId: string) => void;
}

export function CasePanel(props: CasePanelProps) {
  const { open, ticket, existing, onClose, afterClose } = props;
  const title = existing ? `继续受理 · 办件 ${existing.caseNumber}` : ticket ? `开始办件 · ${ticket.number} 号` : '开始办件';
  return (
    <Drawer
      open={open}
      title={title}
      size={1000}
      destroyOnHidden
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      rootClassName="cw-case-drawer"
    >
      {open ? <CasePanelBody {...props} /> : null}
    </Drawer>
  );
}

/** The ticket's item, when the queue module reports it (a ticket taken for an item). */
function ticketItemId(ticket: TicketView | null): string | null {
  if (ticket && 'itemId' in ticket && typeof ticket.itemId === 'string') return ticket.itemId;
  return null;
}

/** The next field of the form after `from` (Enter moves on like Tab; a radio group counts once). */
function focusNext(container: HTMLElement, from: HTMLElement): void {
  const candidates = Array.from(container.querySelectorAll<HTMLElement>('input, textarea, button, [tabindex="0"]')).filter((el) => {
    if (el.hasAttribute('disabled') || el.tabIndex < 0 || el.getAttribute('type') === 'hidden' || el.offsetParent === null) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') return el.checked;
    return true;
  });
  const item = from.closest('.ant-form-item');
  const index = candidates.indexOf(from);
  const next = candidates.slice(index + 1).find((el) => !item || !item.contains(el));
  next?.focus();
}

function CasePanelBody({ centreId, ticket, queueItemIds, existing, onClose, onDecided, onShowCase }: CasePanelProps) {
  const [form] = Form.useForm<PanelValues>();
  const container = useRef<HTMLDivElement>(null);
  const [rules, setRules] = useState<(CaseRules & { agencyHelp: boolean }) | null>(null);
  const [rulesState, setRulesState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const [opened, setOpened] = useState<CaseDetail | null>(existing);
  const [done, setDone] = useState<{ detail: CaseDetail; decision: CounterDecision } | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<readonly StaffView[]>([]);
  const [suggested, setSuggested] = useState<readonly ItemOption[]>([]);
  const [bundles, setBundles] = useState<readonly BundleView[]>([]);
  const firstNotice = useRef<HTMLAnchorElement>(null);

  const target = Form.useWatch('target', form) ?? 'item';
  const itemId = Form.useWatch('itemId', form);
  const bundleId = Form.useWatch('bundleId', form);
  const decision = Form.useWatch('decision', form);
  const rows = (Form.useWatch('materials', form) ?? []) as readonly (ChecklistRow | undefined)[];

  useEffect(() => {
    void listStaff(centreId)
      .then(setStaff)
      .catch(() => setStaff([]));
  }, [centreId]);

  // The ticket's item, else its queue's items, suggested first (names from their published guides).
  // Keyed by the ids, not the objects: the workbench reloads its ticket on every hall event.
  const own = ticketItemId(ticket);
  const suggestKey = existing ? '' : own ? own : queueItemIds.slice(0, 12).join(',');
  useEffect(() => {
    const ids = suggestKey.split(',').filter(Boolean);
    if (ids.length === 0) return;
    let current = true;
    void Promise.all(ids.map((id) => publishedGuide(id).catch(() => null))).then((guides) => {
      if (!current) return;
      const found = guides.filter((g) => g !== null).map((g) => ({ id: g.id, name: g.guide.name ?? '', hint: g.departmentName }));
      setSuggested(found);
      if (found.length === 1 && !form.getFieldValue('itemId')) form.setFieldValue('itemId', found[0]!.id);
    });
    return () => {
      current = false;
    };
  }, [suggestKey, form]);

  // What the case is checked against: the published guide(s) of the chosen item or bundle.
  const ruleKey = existing ? `case:${existing.id}` : target === 'bundle' ? (bundleId ? `bundle:${bundleId}` : null) : itemId ? `item:${itemId}` : null;
  useEffect(() => {
    if (!ruleKey) {
      setRules(null);
      return;
    }
    let current = true;
    setRulesState({ loading: true, error: null });
    const load = async () => {
      if (existing) {
        if (existing.bundleId) return rulesFor({ bundle: await getBundle(existing.bundleId) });
        return rulesFor({ itemId: existing.itemId });
      }
      if (ruleKey.startsWith('bundle:')) {
        const bundle = bundles.find((b) => b.id === bundleId) ?? (await getBundle(bundleId!));
        return rulesFor({ bundle });
      }
      return rulesFor({ itemId: itemId! });
    };
    void load()
      .then((loaded) => {
        if (!current) return;
        setRules({ materials: loaded.materials, flags: loaded.flags, agencyHelp: loaded.guides.every((g) => g.guide.flags.agencyHelp) });
        form.setFieldValue('materials', existing ? rowsFromCase(loaded, existing.checklist) : initialRows(loaded.materials));
        setRulesState({ loading: false, error: null });
      })
      .catch((e: unknown) => {
        if (!current) return;
        setRules(null);
        setRulesState({ loading: false, error: messageOf(e) });
      });
    return () => {
      current = false;
    };
    // `bundles`, `existing`, `itemId` and `bundleId` are read through `ruleKey`: a reload follows it only.
  }, [ruleKey, form]);

  const allowed = useMemo(() => (rules ? decisionsOf(rules, rows) : []), [rules, rows]);

  const submit = useCallback(
    async (values: PanelValues) => {
      if (!rules || busy) return;
      setBusy(true);
      setFailure(null);
      try {
        let current = opened;
        if (!current) {
          try {
            current = await openCase(centreId, openBody(values, rules, ticket?.status === 'serving' ? ticket.id : null));
            setOpened(current);
          } catch (e) {
            setFailure(applyApiError(form, atPanelFields(e)));
            return;
          }
        }
        try {
          const call = decisionCall(values, rules);
          const detail = await applyTransition(current.id, call);
          setDone({ detail, decision: values.decision! });
          onDecided(detail, values.decision!);
        } catch (e) {
          setFailure(applyApiError(form, atPanelFields(e)));
        }
      } finally {
        setBusy(false);
      }
    },
    [rules, busy, opened, centreId, ticket, form, onDecided],
  );

  useEffect(() => {
    if (done) window.setTimeout(() => firstNotice.current?.focus(), 0);
  }, [done]);

  if (done) return <DecisionDone detail={done.detail} decision={done.decision} firstNotice={firstNotice} onShowCase={onShowCase} onClose={onClose} />;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    const t = e.target as HTMLElement;
    if (t.tagName === 'TEXTAREA' || t.tagName === 'BUTTON' || t.tagName === 'A' || t.closest('.ant-select, .ant-picker')) return;
    if (t instanceof HTMLInputElement && container.current) {
      e.preventDefault();
      focusNext(container.current, t);
    }
  };

  const meta = decision ? DECISIONS[decision] : null;
  const locked = opened !== null;
  return (
    <div ref={container} onKeyDown={onKeyDown} className="cw-case-panel">
      <Form<PanelValues>
        form={form}
        name="casePanel"
        layout="vertical"
        initialValues={{ target: 'item', applicant: { kind: 'person', idType: 'resident_id' }, agent: false }}
        scrollToFirstError
        onFinish={(v) => void submit(v)}
      >
        <FormError failure={failure} />
        {opened ? (
          <Alert
            type="info"
            showIcon
            className="cw-case-opened"
            data-testid="case-opened"
            title={`已开件：办件编号 ${opened.caseNumber}（${opened.statusLabel}）`}
            description={`${opened.title}；申请人 ${opened.applicantName}。请核验材料并作出受理决定。`}
          />
        ) : null}

        <section aria-labelledby="cw-case-item">
          <h3 id="cw-case-item">1. 办理事项</h3>
          {existing ? (
            <p className="cw-case-title">{existing.title}</p>
          ) : (
            <ItemChooser centreId={centreId} suggested={suggested} disabled={locked} onBundles={setBundles} />
          )}
        </section>

        <section aria-labelledby="cw-case-applicant">
          <h3 id="cw-case-applicant">2. 申请人</h3>
          {opened ? <ApplicantSummary detail={opened} /> : <ApplicantFields staff={staff} agencyHelp={rules?.agencyHelp ?? true} />}
        </section>

        <section aria-labelledby="cw-case-materials">
          <h3 id="cw-case-materials">3. 申请材料核验</h3>
          {rulesState.loading ? (
            <Spin tip="正在读取办事指南…">
              <div style={{ height: 60 }} />
            </Spin>
          ) : rulesState.error ? (
            <Alert type="error" showIcon role="alert" title={`无法读取该事项的办事指南：${rulesState.error}`} />
          ) : rules ? (
            <ChecklistTable materials={rules.materials} />
          ) : (
            <p className="cw-muted">选择办理事项后，按其已发布的办事指南逐项核验申请材料。</p>
          )}
        </section>

        {rules ? (
          <section aria-labelledby="cw-case-decision">
            <h3 id="cw-case-decision">4. 受理决定</h3>
            <DecisionFields rules={rules} allowed={allowed} />
          </section>
        ) : null}
      </Form>
      <div className="cw-case-footer">
        <Button type="primary" size="large" loading={busy} disabled={!rules} onClick={() => form.submit()} aria-keyshortcuts="Control+Enter">
          {meta?.okText ?? '确认'} <kbd className="cw-kbd">Ctrl+Enter</kbd>
        </Button>
        <Button size="large" onClick={onClose}>
          {opened ? '稍后再办（办件保留在“今日办件”）' : '取消'}
        </Button>
      </div>
    </div>
  );
}

function ApplicantSummary({ detail }: { detail: CaseDetail }) {
  const a = detail.applicant;
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={a.kind === 'person' ? '申请人' : '单位名称'}>{a.name}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{a.phone}</Descriptions.Item>
      {a.kind === 'person' ? (
        <Descriptions.Item label={a.idType ? (ID_TYPE_LABELS[a.idType as IdType] ?? '证件号码') : '证件号码'}>{a.idNumber ?? '—'}</Descriptions.Item>
      ) : (
        <Descriptions.Item label="统一社会信用代码">{a.uscc ?? '—'}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

const DONE_STATUS: Readonly<Record<CounterDecision, 'success' | 'info' | 'warning'>> = {
  accept_normal: 'success',
  accept_tolerance: 'success',
  accept_commitment: 'success',
  correction: 'info',
  refuse: 'warning',
};

function doneText(detail: CaseDetail, decision: CounterDecision): string {
  const due = detail.promisedDueAt ? `承诺办结时限：${dateText(detail.promisedDueAt)}${remainingLabel(detail) ? `（${remainingLabel(detail)}）` : ''}` : '';
  switch (decision) {
    case 'accept_normal':
    case 'accept_commitment':
      return due || '已受理。';
    case 'accept_tolerance': {
      const deadline = toleranceOf(detail)?.deadline;
      return [due, deadline ? `容缺材料须在 ${dateTimeText(deadline)} 前补齐` : ''].filter(Boolean).join('；');
    }
    case 'correction':
      return '已一次性告知需补正的全部材料；申请人补正后，在“今日办件”中选择“补正后重新提交”继续受理。';
    case 'refuse':
      return '已记录理由和依据，并自动报备复核（否定事项报备，§7.5.2.3）。';
  }
}

function DecisionDone({
  detail,
  decision,
  firstNotice,
  onShowCase,
  onClose,
}: {
  detail: CaseDetail;
  decision: CounterDecision;
  firstNotice: RefObject<HTMLAnchorElement | null>;
  onShowCase: (id: string) => void;
  onClose: () => void;
}) {
  const meta = DECISIONS[decision];
  const kinds = [meta.notice, ...noticesOf(detail).filter((k) => k !== meta.notice)];
  return (
    <Result
      status={DONE_STATUS[decision]}
      title={
        <span data-testid="case-done">
          {meta.label}：办件编号 {detail.caseNumber}
        </span>
      }
      subTitle={
        <>
          <Tag>{detail.statusLabel}</Tag>
          {doneText(detail, decision)}
        </>
      }
      extra={
        <div className="cw-case-done-actions">
          <p>请将{meta.noticeLabel}交申请人（可打开后打印）：</p>
          <NoticeButtons ref={firstNotice} primary notices={kinds.map((k) => ({ url: noticeUrl(detail.id, k), label: NOTICE_LABELS[k] }))} />
          <div className="cw-case-done-more">
            <Button onClick={() => onShowCase(detail.id)}>查看办件详情</Button>
            <Button onClick={onClose}>完成（Esc）</Button>
          </div>
        </div>
      }
    />
  );
}
