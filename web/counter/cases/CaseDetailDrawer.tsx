/**
 * A case opened from 今日办件 (or right after its decision): what it is, its due dates and
 * timeline, the notices it has, and the actions its status allows (办理环节, 暂停与恢复计时,
 * 延期, 决定, 容缺补齐, 送达, 归档), each in a dialog the server checks.
 */
import { Alert, Button, Drawer, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { workstationMessage } from '../messages.ts';
import { getCase } from './case-api.ts';
import { awaitsAcceptance, DETAIL_ACTION_LABELS, noticesOf, NOTICE_LABELS, noticeUrl, offeredActions, type DetailAction } from './case-actions.ts';
import { CaseActionDialog } from './CaseActionDialog.tsx';
import { CaseSummaryBlock, CaseTimeline, ChecklistView, EventsView, StepsView } from './CaseDetailView.tsx';
import { NoticeButtons } from './NoticeButtons.tsx';
import type { CaseDetail } from './types.ts';

const DONE_TEXT: Readonly<Record<DetailAction, (d: CaseDetail) => string>> = {
  resubmit: () => '已重新提交，请逐项核验材料并作出受理决定',
  start_step: (d) => `已开始办理环节“${d.steps.at(-1)?.name ?? ''}”`,
  finish_step: () => '已完成办理环节',
  suspend: () => '已暂停计时',
  resume: () => '已恢复计时',
  extend: () => '已延长办理时限',
  complete_tolerance: () => '已登记补齐容缺材料',
  decide: (d) => (d.status === 'decided' ? '已作出决定，请通知领取或邮寄送达' : '已作出该事项的决定'),
  notify_pickup: () => '已通知申请人领取',
  picked_up: () => '已现场领取，可打印送达回证',
  post: () => '已登记邮寄',
  delivered: () => '已确认签收，可打印送达回证',
  archive: () => '已归档',
  withdraw: () => '已撤回',
};

export function CaseDetailDrawer({
  caseId,
  clerkName,
  onClose,
  onContinue,
  onChanged,
}: {
  caseId: string | null;
  clerkName: string;
  onClose: () => void;
  /** A case 材料核验中 goes back to the acceptance panel. */
  onContinue: (detail: CaseDetail) => void;
  /** Something changed: the list reloads. */
  onChanged: () => void;
}) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<DetailAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const buttons = useRef<Partial<Record<DetailAction, HTMLElement | null>>>({});
  const lastAction = useRef<DetailAction | null>(null);

  const load = useCallback(async (id: string) => {
    try {
      const d = await getCase(id);
      setDetail(d);
      setError(null);
    } catch (e) {
      setError(workstationMessage(e));
    }
  }, []);

  useEffect(() => {
    setDetail(null);
    setDone(null);
    setError(null);
    if (caseId) void load(caseId);
  }, [caseId, load]);

  const finished = (next: CaseDetail, a: DetailAction) => {
    setDetail(next);
    setDone(DONE_TEXT[a](next));
    lastAction.current = a;
    onChanged();
    if (a === 'resubmit' && awaitsAcceptance(next)) onContinue(next);
  };

  /** After a dialog: the focus on the next action offered, else where it was. */
  const refocus = () => {
    if (!detail) return;
    const offered = offeredActions(detail);
    const target = offered.find((a) => a !== 'withdraw' && a !== lastAction.current) ?? offered[0];
    if (target) buttons.current[target]?.focus();
  };

  const offered = detail ? offeredActions(detail) : [];
  const notices = detail ? noticesOf(detail) : [];
  return (
    <Drawer open={caseId !== null} title={detail ? `办件 ${detail.caseNumber}` : '办件详情'} size={960} onClose={onClose} destroyOnHidden rootClassName="cw-case-drawer">
      {!detail ? (
        error ? (
          <Alert type="error" showIcon role="alert" title={`无法读取办件：${error}`} />
        ) : (
          <Spin tip="正在读取办件…">
            <div style={{ height: 80 }} />
          </Spin>
        )
      ) : (
        <div className="cw-case-detail" data-testid="case-detail">
          <div aria-live="polite" className="cw-case-feedback">
            {done ? <Alert type="success" showIcon role="status" title={done} closable={{ onClose: () => setDone(null) }} data-testid="case-feedback" /> : null}
          </div>
          <CaseSummaryBlock detail={detail} />

          <section aria-labelledby="cw-detail-actions" className="cw-case-section">
            <h3 id="cw-detail-actions">可办理的操作</h3>
            {awaitsAcceptance(detail) ? (
              <Button type="primary" onClick={() => onContinue(detail)}>
                继续核验并作出受理决定
              </Button>
            ) : null}
            {offered.length === 0 && !awaitsAcceptance(detail) ? <p className="cw-muted">{detail.status === 'archived' ? '已归档，只能查阅。' : '当前状态没有可办理的操作。'}</p> : null}
            <div className="cw-case-actions" role="group" aria-label="办件操作">
              {offered.map((a) => (
                <Button
                  key={a}
                  ref={(el) => {
                    buttons.current[a] = el;
                  }}
                  danger={a === 'withdraw'}
                  type={a === offered[0] ? 'primary' : 'default'}
                  onClick={() => setAction(a)}
                >
                  {DETAIL_ACTION_LABELS[a]}
                </Button>
              ))}
            </div>
          </section>

          {notices.length > 0 ? (
            <section aria-labelledby="cw-detail-notices" className="cw-case-section">
              <h3 id="cw-detail-notices">通知书</h3>
              <NoticeButtons notices={notices.map((k) => ({ url: noticeUrl(detail.id, k), label: NOTICE_LABELS[k] }))} />
            </section>
          ) : null}

          <section aria-labelledby="cw-detail-timeline" className="cw-case-section">
            <h3 id="cw-detail-timeline">办理时间轴（咨询、受理、办理、送达、归档）</h3>
            <CaseTimeline stages={detail.timeline} />
          </section>

          <section aria-labelledby="cw-detail-steps" className="cw-case-section">
            <h3 id="cw-detail-steps">办理环节</h3>
            <StepsView steps={detail.steps} />
          </section>

          <section aria-labelledby="cw-detail-checklist" className="cw-case-section">
            <h3 id="cw-detail-checklist">申请材料</h3>
            <ChecklistView checklist={detail.checklist} />
          </section>

          <section aria-labelledby="cw-detail-events" className="cw-case-section">
            <h3 id="cw-detail-events">办件记录</h3>
            <EventsView events={detail.events} />
          </section>

          <CaseActionDialog action={action} detail={detail} steps={detail.processSteps} clerkName={clerkName} onClose={() => setAction(null)} afterClose={refocus} onDone={finished} />
        </div>
      )}
    </Drawer>
  );
}
