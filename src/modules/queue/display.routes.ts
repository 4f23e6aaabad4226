/** Routes of the hall display and the counter screens (display devices and staff). */
import { Type } from 'typebox';
import { centreParam } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, Uuid } from '../../platform/http/schemas.ts';
import { CounterCard, DisplayView } from './display.schemas.ts';
import { counterScreen, hallDisplay } from './display.service.ts';
import { counterParamScope } from './scopes.ts';

const tags = ['queue'];
const CounterParams = Type.Object({ counterId: Uuid }, { additionalProperties: false });

export function displayRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/display',
    {
      config: { access: { permission: 'display.read', scope: centreParam } },
      schema: { tags, summary: '大厅显示屏：最近叫号、各队列等候、滚动通知、各窗口状态（§5.2.2）', params: CentreParams, response: { 200: DisplayView, ...errorResponses } },
    },
    async (request) => hallDisplay(deps, request.params.centreId),
  );

  app.get(
    '/api/v1/counters/:counterId/screen',
    {
      config: { access: { permission: 'display.read', scope: counterParamScope(false) } },
      schema: { tags, summary: '窗口显示屏：窗口、工作人员照片姓名职务工号、当前号、状态（§6.4.2、§6.4.5）', params: CounterParams, response: { 200: CounterCard, ...errorResponses } },
    },
    async (request) => counterScreen(deps, request.params.counterId),
  );
}
