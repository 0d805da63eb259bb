import { FIRM_ROLES, SEGMENT_STATUSES, TARGET_PRIORITIES, TARGET_STATUSES, TIERS } from '../../../shared/domain/chain';
import { FDI_MODES } from '../../../shared/domain/fdi';
import { PLATFORM_TYPES } from '../../../shared/domain/platform';
import { PROJECT_STAGES } from '../../../shared/domain/project';
import { defineMessages, prefixed } from './define';

/** Names of the domain codes (shared/domain) for the UI. zh-CN comes from the domain itself, the official wording. */
export const domainMessages = defineMessages({
  'zh-CN': {
    ...prefixed('platformType', PLATFORM_TYPES),
    ...prefixed('mode', FDI_MODES),
    ...prefixed('stage', PROJECT_STAGES),
    ...prefixed('tier', TIERS),
    ...prefixed('segmentStatus', SEGMENT_STATUSES),
    ...prefixed('firmRole', FIRM_ROLES),
    ...prefixed('priority', TARGET_PRIORITIES),
    ...prefixed('targetStatus', TARGET_STATUSES),
  },
  'en-US': {
    'platformType.national_etdz': 'National ETDZ',
    'platformType.provincial_dz': 'Provincial development zone',
    'platformType.hitech_zone': 'High-tech zone',
    'platformType.bonded_zone': 'Comprehensive bonded zone',
    'platformType.ftz_area': 'Pilot FTZ area',
    'platformType.border_zone': 'Border (cross-border) economic cooperation zone',
    'platformType.other': 'Other',
    'mode.new': 'New establishment',
    'mode.increase': 'Capital increase',
    'mode.merger': 'Merger & acquisition',
    'mode.reinvestment': 'Profit reinvestment',
    'stage.lead': 'Lead',
    'stage.negotiating': 'Negotiating',
    'stage.signed': 'Signed',
    'stage.registered': 'Registered',
    'stage.construction': 'Under construction',
    'stage.operating': 'In operation',
    'stage.paused': 'Paused',
    'stage.dropped': 'Dropped',
    'tier.upstream': 'Upstream',
    'tier.midstream': 'Midstream',
    'tier.downstream': 'Downstream',
    'segmentStatus.strong': 'Strong',
    'segmentStatus.weak': 'Weak',
    'segmentStatus.missing': 'Missing',
    'firmRole.leader': 'Chain leader',
    'firmRole.backbone': 'Backbone',
    'firmRole.supporting': 'Supplier',
    'priority.high': 'High',
    'priority.medium': 'Medium',
    'priority.low': 'Low',
    'targetStatus.untouched': 'Not contacted',
    'targetStatus.contacted': 'Contacted',
    'targetStatus.negotiating': 'Negotiating',
    'targetStatus.signed': 'Signed',
    'targetStatus.landed': 'Landed',
  },
});
