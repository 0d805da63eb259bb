import type { AuditFilter, AuditRow } from '../../../shared/api/audit';
import { api } from '../api/client';
import { createPagedList } from './pagedList';

/** The audit trail (设置 → 操作记录), a page at a time from the server: a log of any size is never loaded whole. */
export const useAuditList = createPagedList<AuditRow, AuditFilter>((filter, offset, limit) => api.call('audit.list', { filter, offset, limit }), {});
