/**
 * The public service guide (办事指南) of an item: every element of DB36/T 2016
 * §7.3.3.3 and each material, from the published version the API serves. Printable
 * through the browser (print styles hide the page chrome).
 */
import { Button } from 'antd';
import { useEffect } from 'react';
import { CASE_KINDS, HANDLING_FORMS, SERVICE_OBJECTS, THROUGH_SCOPES, ITEM_KINDS } from '../../src/domain/catalogue/codes.ts';
import { api, ApiError } from '../shared/api.ts';
import { linkClick } from '../shared/router.ts';
import { useLoad } from '../shared/use-load.ts';
import { timeLimitText, yesNo } from './format.ts';
import { files, paths } from './routes.ts';
import type { ItemGuide, Material, PublicItemView } from './types.ts';

const FLAG_LABELS: [keyof ItemGuide['flags'], string][] = [
  ['agencyHelp', '帮办代办'],
  ['notifyCommit', '告知承诺'],
  ['toleranceAcceptance', '容缺受理'],
  ['crossProvince', '跨省通办'],
  ['withinProvince', '省内通办'],
  ['withinCity', '市内通办'],
  ['certificateFree', '免证办'],
  ['extendedHours', '延时错时'],
  ['selfService24h', '24小时自助'],
];

function text(value: string | null | undefined): string {
  return value && value.trim() ? value : '未公布';
}

function MaterialRow({ m, index }: { m: Material; index: number }) {
  return (
    <li className="material">
      <p className="material-name">
        {index + 1}. {m.name}
        {m.required ? <span className="tag tag-strong">必需</span> : <span className="tag">非必需</span>}
        {m.viaDataSharing && <span className="tag tag-good">数据共享获取，无需提交</span>}
        {m.eLicenceAccepted && <span className="tag tag-good">可用电子证照</span>}
        {m.tolerance && <span className="tag">可容缺</span>}
      </p>
      <p className="muted">
        出具机构：{m.issuingBody || '申请人自备'} · 原件 {m.originals} 份 · 复印件 {m.copies} 份
      </p>
      {m.tolerance && (
        <p className="muted">
          容缺条件：{text(m.tolerance.conditions)}；补齐时限：{timeLimitText(m.tolerance.completionDeadline)}
        </p>
      )}
      {m.note && <p className="muted">备注：{m.note}</p>}
    </li>
  );
}

function Guide({ item }: { item: PublicItemView }) {
  const g = item.guide as ItemGuide;
  const kind = g.kind ? ITEM_KINDS[g.kind]?.label : null;
  const flags = FLAG_LABELS.filter(([key]) => g.flags?.[key] === true);
  const materials = g.materials ?? [];
  return (
    <>
      <h1>{text(g.name)}</h1>
      <p className="lead">
        {item.departmentName} · 第 {item.version} 版 · {item.effectiveOn} 起施行
      </p>
      <div className="no-print actions">
        <Button onClick={() => window.print()}>打印办事指南</Button>
        <a href={files.itemGuidePdf(item.id)} className="action-link">
          打印办事指南（PDF）
        </a>
        <a href={paths.items(item.centreId)} onClick={linkClick(paths.items(item.centreId))}>
          返回事项查询
        </a>
      </div>
      <figure className="qr">
        <img src={files.itemQr(item.id)} alt={`“${text(g.name)}”办事指南的二维码，用手机扫描可打开本页`} width={128} height={128} />
        <figcaption>手机扫码查看本办事指南</figcaption>
      </figure>
      {flags.length > 0 && (
        <ul className="flag-list" aria-label="特色服务">
          {flags.map(([key, label]) => (
            <li key={key} className="tag tag-good">
              {label}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="basic-title" className="panel wide">
        <h2 id="basic-title">基本信息</h2>
        <dl className="facts">
          <dt>事项编码</dt>
          <dd>{item.handlingCode ?? item.implementationCode ?? item.basicCode}</dd>
          <dt>事项类型</dt>
          <dd>
            {kind ?? '未公布'}
            {g.typeCode && `（${g.typeCode}）`}
          </dd>
          <dt>设定依据</dt>
          <dd className="pre">{text(g.legalBasis)}</dd>
          <dt>实施机构</dt>
          <dd>
            {text(g.implementingBody?.name)}
            {g.implementingBody?.uscc && `（统一社会信用代码 ${g.implementingBody.uscc}）`}
          </dd>
          <dt>服务对象</dt>
          <dd>{g.serviceObjects?.length ? g.serviceObjects.map((o) => SERVICE_OBJECTS[o]).join('、') : '未公布'}</dd>
          <dt>办件类型</dt>
          <dd>{g.caseKind ? CASE_KINDS[g.caseKind] : '未公布'}</dd>
          <dt>法定办结时限</dt>
          <dd>{timeLimitText(g.legalTimeLimit)}</dd>
          <dt>承诺办结时限</dt>
          <dd>{timeLimitText(g.promisedTimeLimit)}</dd>
          <dt>办理结果</dt>
          <dd>{text(g.resultName)}</dd>
          <dt>收费标准</dt>
          <dd>{g.fee ? (g.fee.free ? '不收费' : text(g.fee.standard)) : '未公布'}</dd>
          {g.fee && !g.fee.free && (
            <>
              <dt>收费依据</dt>
              <dd>{text(g.fee.basis)}</dd>
            </>
          )}
          <dt>办理形式</dt>
          <dd>{g.handlingForms?.length ? g.handlingForms.map((f) => HANDLING_FORMS[f]).join('、') : '未公布'}</dd>
          <dt>通办范围</dt>
          <dd>{g.throughScope ? THROUGH_SCOPES[g.throughScope] : '未公布'}</dd>
          <dt>预约办理</dt>
          <dd>{yesNo(g.flags?.appointment)}</dd>
          <dt>网上支付</dt>
          <dd>{yesNo(g.flags?.onlinePayment)}</dd>
          <dt>物流快递</dt>
          <dd>{yesNo(g.flags?.postalDelivery)}</dd>
        </dl>
      </section>
      <section aria-labelledby="materials-title" className="panel wide">
        <h2 id="materials-title">申请材料</h2>
        {materials.length === 0 ? <p>无需提交申请材料。</p> : <ol className="materials">{materials.map((m, i) => <MaterialRow key={`${m.name}-${i}`} m={m} index={i} />)}</ol>}
      </section>
      <section aria-labelledby="process-title" className="panel wide">
        <h2 id="process-title">办理流程</h2>
        {(g.process ?? []).length === 0 ? (
          <p>未公布。</p>
        ) : (
          <ol className="steps">
            {(g.process ?? []).map((s, i) => (
              <li key={`${s.name}-${i}`}>
                <strong>{s.name}</strong>
                {s.timeLimit && <span className="muted">（{timeLimitText(s.timeLimit)}）</span>}
                {s.description && <p className="muted">{s.description}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="review-title" className="panel wide">
        <h2 id="review-title">审查标准</h2>
        <p className="pre">{text(g.reviewStandard)}</p>
      </section>
      <section aria-labelledby="where-title" className="panel wide">
        <h2 id="where-title">办理地点、时间与电话</h2>
        <dl className="facts">
          <dt>办理地点</dt>
          <dd>{text(g.place)}</dd>
          <dt>办理时间</dt>
          <dd>{text(g.hours)}</dd>
          <dt>咨询电话</dt>
          <dd>{g.consultationPhone ? <a href={`tel:${g.consultationPhone.replace(/[^0-9+]/g, '')}`}>{g.consultationPhone}</a> : '未公布'}</dd>
          <dt>监督电话</dt>
          <dd>{g.supervisionPhone ? <a href={`tel:${g.supervisionPhone.replace(/[^0-9+]/g, '')}`}>{g.supervisionPhone}</a> : '未公布'}</dd>
        </dl>
      </section>
    </>
  );
}

export function ItemGuidePage({ itemId, onCentre }: { itemId: string; onCentre: (id: string) => void }) {
  const { data, loading, error } = useLoad(async () => {
    try {
      return await api.get<PublicItemView>(`/api/v1/public/items/${itemId}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, itemId);
  useEffect(() => {
    if (data) {
      onCentre(data.centreId);
      document.title = `${(data.guide as ItemGuide).name ?? '办事指南'} · 办事指南`;
    }
  }, [data, onCentre]);
  if (data) return <Guide item={data} />;
  return (
    <>
      <h1>办事指南</h1>
      {loading && <p role="status" className="loading">正在加载…</p>}
      {!loading && (data === null || error) && (
        <div className="empty" role="status">
          <p className="empty-title">暂无事项</p>
          <p className="muted">{error ? '事项信息暂时无法查询，请稍后再试。' : '该事项不存在或已停止公开。'}</p>
        </div>
      )}
    </>
  );
}
