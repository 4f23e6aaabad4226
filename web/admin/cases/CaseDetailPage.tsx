/**
 * /admin/cases/{id}: one case (办件) — what and for whom (the applicant masked; in full on
 * request to the roles that may see it, the reading audited), the checklist, due dates,
 * steps, the five stages with their durations (§8.1.2.1) and the event log. Read-only:
 * cases are handled at the counter workstation.
 */
import { Alert, Button, Card, Flex, Space, Spin, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../shared/api.ts';
import { linkClick, usePathname } from '../../shared/router.ts';
import { useLoad } from '../../shared/use-load.ts';
import { useCaseAccess } from './access.ts';
import { CaseEvents } from './CaseEvents.tsx';
import { ApplicantFacts, CaseItems, CaseSteps, CaseSummaryFacts, Checklist, DueFacts, OutcomeFacts } from './CaseFacts.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { dueText } from './format.ts';
import { REVIEW_STATUS_LABELS } from './labels.ts';
import { CASES_PATH, REVIEWS_PATH } from './paths.ts';
import type { CaseDetail } from './types.ts';


function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ marginTop: 20 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

function ReviewNote({ review }: { review: NonNullable<CaseDetail['refusalReview']> }) {
  const label = (REVIEW_STATUS_LABELS as Record<string, string>)[review.status] ?? review.status;
  return (
    <Alert
      type={review.overdue ? 'error' : review.status === 'pending' ? 'warning' : 'info'}
      showIcon
      title={
        <span>
          否定事项报备（§7.5.2.3）：{label}
          {review.status === 'pending' ? `，复核期限 ${dueText(review.dueAt)}` : ''}
          {review.overdue ? <Tag color="error" style={{ marginInlineStart: 8 }}>超期未复核</Tag> : null}{' '}
          <a href={REVIEWS_PATH} onClick={linkClick(REVIEWS_PATH)}>
            查看否定事项报备
          </a>
        </span>
      }
      style={{ marginTop: 12 }}
    />
  );
}

export function CaseDetailPage() {
  const pathname = usePathname();
  const id = pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  const { canRead, canReveal } = useCaseAccess();
  const [reveal, setReveal] = useState(false);
  const loaded = useLoad(() => api.get<CaseDetail>(`/api/v1/cases/${id}`, { reveal: reveal || undefined }), canRead ? `${id}:${String(reveal)}` : null);
  const c = loaded.data?.id === id ? loaded.data : undefined;

  const back = (
    <a href={CASES_PATH} onClick={linkClick(CASES_PATH)}>
      返回办件列表
    </a>
  );
  if (!canRead) return <Alert type="info" role="status" showIcon title="您无权查看本中心的办件" />;
  if (!c) {
    return (
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>办件详情</Typography.Title>} extra={back}>
        {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : <Spin />}
      </Card>
    );
  }

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18, whiteSpace: 'normal' }}>
          办件详情
        </Typography.Title>
      }
      extra={back}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        办件编号：
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {c.caseNumber}
        </Typography.Text>
      </Typography.Paragraph>
      {loaded.error ? <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 12 }} /> : null}
      {c.deadlineState === 'overdue' ? <Alert type="error" showIcon title={`该办件已超过承诺办结时限（${c.remainingText ?? '已超期'}）`} /> : null}
      {c.refusalReview ? <ReviewNote review={c.refusalReview} /> : null}
      <Section title="基本信息">
        <CaseSummaryFacts c={c} />
        <OutcomeFacts c={c} />
      </Section>
      <Section
        title="申请人"
        extra={
          <Space>
            {c.applicant.masked ? <Typography.Text type="secondary">个人信息已脱敏</Typography.Text> : <Tag color="warning">完整信息（已记入审计）</Tag>}
            {canReveal(c.status) ? (
              <Button
                size="small"
                loading={loaded.loading}
                onClick={() => {
                  if (!c.applicant.masked) setReveal(false);
                  else if (reveal) loaded.reload();
                  else setReveal(true);
                }}
              >
                {c.applicant.masked ? '显示完整信息' : '重新脱敏'}
              </Button>
            ) : null}
          </Space>
        }
      >
        <ApplicantFacts a={c.applicant} />
      </Section>
      <Section title="办结时限">
        <DueFacts c={c} />
      </Section>
      <Section title="办理进度">
        <CaseTimeline timeline={c.timeline} />
      </Section>
      <Section title="材料清单">
        <Checklist checklist={c.checklist} />
      </Section>
      {c.items.length > 1 || c.bundleId ? (
        <Section title="“一件事”所含事项">
          <CaseItems items={c.items} />
        </Section>
      ) : null}
      <Section title="办理环节">
        <CaseSteps steps={c.steps} />
      </Section>
      <Section title="办件记录">
        <CaseEvents events={c.events} />
      </Section>
    </Card>
  );
}
