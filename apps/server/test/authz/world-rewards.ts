import type { Side } from './world';

type Call = (method: 'get' | 'post' | 'put', path: string, token: string, body?: object, status?: number[]) => Promise<{ id: number }>;

/** Each side's 一事一奖: for its first case, proposed by its officer and approved by its station leader (sets `rewardId`). */
export async function addRewards(call: Call, ...sides: Side[]): Promise<void> {
  for (const s of sides) {
    const made = await call('post', '/api/rewards', s.officerToken, { caseId: s.caseId, kind: 'spiritual', form: '表扬信', deed: '授权矩阵测试：主动调解邻里纠纷' });
    await call('post', `/api/rewards/${made.id}/decision`, s.leaderToken, { decision: 'approve' });
    s.rewardId = Number(made.id);
  }
}
