import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { parsePeriod } from '@/lib/dashboard/period';
import { BuildingSection, CategorySection } from '../../_components/breakdowns';
import { DashboardHeading } from '../../_components/heading';
import { Headline } from '../../_components/headline';
import { PeriodForm } from '../../_components/period-form';
import { PlaceBreadcrumb } from '../../_components/place-breadcrumb';
import { FunnelSection, SeriesSection, StageTable } from '../../_components/progress';
import { RankTable } from '../../_components/rank-table';
import { VotesSection } from '../../_components/votes-section';
import { WaitingList } from '../../_components/waiting-list';
import { dashboardData, parseSort, peekDashboard, requireDashboard } from '@/server/dashboard';

type Props = {
  params: Promise<{ level: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { level, id } = await params;
  const found = await peekDashboard(level, id);
  const t = await getTranslations('dash');
  return { title: found ? t('title', { name: found.node.name }) : t('titlePlain') };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { level, id } = await params;
  const { actor, node, view } = await requireDashboard(level, id);
  const q = await searchParams;
  const now = Date.now();
  const period = parsePeriod({ from: first(q.from), to: first(q.to) }, now);
  const sort = parseSort(first(q.sort));
  const d = dashboardData(node, view, period, sort);

  return (
    <div className="space-y-6">
      <PlaceBreadcrumb actor={actor} node={node} />
      <DashboardHeading node={node} full={view === 'full'} />
      <PeriodForm action={`/d/${node.level}/${node.id}`} period={period} sort={sort} />
      <Headline node={node} period={period} totals={d.totals} turnout={d.turnout} />
      <FunnelSection node={node} period={period} totals={d.totals} />
      <SeriesSection points={d.series} />
      {d.stages && <StageTable stages={d.stages} node={node} period={period} />}
      <VotesSection turnout={d.turnout} votes={d.recentVotes} />
      <CategorySection categories={d.categories} node={node} period={period} />
      {d.buildings && d.buildings.length > 0 && <BuildingSection buildings={d.buildings} node={node} period={period} />}
      {d.ranking && <RankTable rows={d.ranking} node={node} period={period} sort={sort} />}
      {d.waiting && <WaitingList waiting={d.waiting} level={node.level} now={now} />}
    </div>
  );
}
