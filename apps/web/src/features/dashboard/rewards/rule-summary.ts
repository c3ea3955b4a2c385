import type { TFunction } from 'i18next';
import type { RuleDefinition } from '../../../api/partner-rewards.ts';
import { formatNumber } from '../format.ts';

/** "Active · citizen 10, officer 10 · In person, By code" — a version in one line. */
export function ruleSummary(t: TFunction, rule: RuleDefinition, language: string): string {
  const status = rule.active ? t('partnerRewards.ruleStatuses.active') : t('partnerRewards.ruleStatuses.inactive');
  const points = t('partnerRewards.ruleEditor.pointsLine', { citizen: formatNumber(rule.points.citizen, language), officer: formatNumber(rule.points.officer, language) });
  const kinds = rule.kinds.map((kind) => t(`partnerRewards.connectionKinds.${kind}`)).join(', ');
  return [status, points, kinds].join(' · ');
}
