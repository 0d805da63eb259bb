import { PROJECT_STAGE_CODES, type ProjectStage } from '../../../shared/domain/project';
import type { Db } from '../db/open';

/** Projects by stage, every stage listed (0 where none), in pipeline order. */
export function pipelineByStage(db: Db): Array<{ stage: ProjectStage; count: number }> {
  const rows = db.prepare('SELECT stage, count(*) AS n FROM project GROUP BY stage').all() as { stage: ProjectStage; n: number }[];
  const by = new Map(rows.map((r) => [r.stage, r.n]));
  return PROJECT_STAGE_CODES.map((stage) => ({ stage, count: by.get(stage) ?? 0 }));
}

export interface StageProject {
  id: number;
  name: string;
  investor: string;
  countryCode: string | null;
  contractedFdi: number | null;
  ownerPerson: string;
  lastFollowUpDate: string | null;
}

/** The projects behind one bar of the pipeline chart. */
export function projectsInStage(db: Db, stage: ProjectStage): StageProject[] {
  return db
    .prepare(
      `SELECT id, name, investor, country_code AS countryCode, contracted_fdi AS contractedFdi, owner_person AS ownerPerson,
         last_follow_up_date AS lastFollowUpDate FROM project WHERE stage = ? ORDER BY name`,
    )
    .all(stage) as StageProject[];
}
