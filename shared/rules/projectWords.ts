import { PROJECT_PRIORITIES, PROJECT_STAGES, type ProjectPriority, type ProjectStage } from '../domain/project';

/**
 * The words bureaus write in their project lists for stages, priorities and yes/no flags, read into stable codes.
 * Anything not listed is refused (never guessed): the importer reports it with the row and column.
 */
const STAGE_WORDS: Record<ProjectStage, readonly string[]> = {
  lead: ['线索', '项目线索', '信息', '意向', '初步接洽', '接洽', '初谈', '储备', '在库', 'lead'],
  negotiating: ['洽谈', '在谈', '洽谈中', '正在洽谈', '在洽谈', '商谈', '谈判', '在谈判', '意向洽谈', '跟踪洽谈', '深度洽谈', '推进中', 'negotiating'],
  signed: ['签约', '已签约', '已签', '签约项目', '签订协议', '已签协议', '已签订协议', '协议签约', 'signed'],
  registered: ['注册', '已注册', '落地', '已落地', '注册落地', '登记', '已登记', '完成注册', '设立', '已设立', '注册完成', 'registered'],
  construction: ['开工', '已开工', '在建', '在建中', '建设中', '开工建设', '施工', '在施工', '新开工', '续建', 'construction'],
  operating: ['投产', '已投产', '竣工投产', '竣工', '已竣工', '运营', '已运营', '投运', '达产', '试生产', '建成投产', 'operating'],
  paused: ['暂停', '暂缓', '搁置', '停滞', '中止', '暂停推进', 'paused'],
  dropped: ['终止', '已终止', '放弃', '取消', '撤销', '流失', '未落地', 'dropped'],
};

const PRIORITY_WORDS: Record<ProjectPriority, readonly string[]> = {
  provincial: ['省重点', '省级重点', '省重大', '省级重大', '省重点项目', '省重大项目', 'provincial'],
  city: ['市重点', '市级重点', '市重大', '市级重大', '市重点项目', '市重大项目', 'city'],
  normal: ['一般', '普通', '其他', '一般项目', 'normal'],
};

const YES = ['是', '√', '✓', 'Y', 'YES', 'TRUE', '1', '有', '再投资', '境内再投资', '利润再投资'];
const NO = ['否', '×', '✗', 'N', 'NO', 'FALSE', '0', '无', '非', '不是'];

/** NFKC, no spaces or brackets/punctuation around the word, upper case for Latin letters. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/^[([{【（]+|[)\]}】）。.,，、;；:：]+$/g, '')
    .toUpperCase();
}

function lookup<T extends string>(words: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, list] of Object.entries(words) as [T, readonly string[]][]) for (const w of list) map.set(normalizeWord(w), code);
  return map;
}
const STAGE_BY_WORD = lookup(STAGE_WORDS);
const PRIORITY_BY_WORD = lookup(PRIORITY_WORDS);

/** `在谈` → negotiating, `竣工投产` → operating, `已签约` → signed; null when not a stage word. */
export function stageFromWord(text: string): ProjectStage | null {
  const w = normalizeWord(text);
  if (!w) return null;
  const direct = STAGE_BY_WORD.get(w);
  if (direct) return direct;
  // "签约阶段", "项目已开工" and the like: the same words with a common prefix or suffix
  const bare = w.replace(/^(项目)?(已经|已)?/, '').replace(/(阶段|状态|项目)$/, '');
  return STAGE_BY_WORD.get(bare) ?? STAGE_BY_WORD.get(`已${bare}`) ?? null;
}

export function priorityFromWord(text: string): ProjectPriority | null {
  const w = normalizeWord(text);
  if (!w) return 'normal';
  return PRIORITY_BY_WORD.get(w) ?? null;
}

/** 是/否 as people write it; blank is no. */
export function flagFromWord(text: string): boolean | null {
  const w = normalizeWord(text);
  if (!w) return false;
  if (YES.includes(w)) return true;
  if (NO.includes(w)) return false;
  return null;
}

export const stageWord = (stage: ProjectStage): string => PROJECT_STAGES[stage];
export const priorityWord = (priority: ProjectPriority): string => PROJECT_PRIORITIES[priority];
export const flagWord = (flag: boolean): string => (flag ? '是' : '否');
