import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { handoversOf } from '@/db/assembly/handover';
import { householdVoters, myUnits } from '@/db/assembly/mine';
import { listObjections } from '@/db/assembly/objections';
import { listProxies, myHolders } from '@/db/assembly/proxies';
import {
  assemblyFilesOf,
  assemblyMatters,
  electorateOf,
  everyoneVoted,
  getAssembly,
  mattersTurnout,
  myAssemblyBallots,
} from '@/db/assembly/read';
import { hasAny, COMMITTEE } from '@/lib/auth/roles';
import { canCloseAssembly, canSeeDeliveryList } from '@/lib/assembly/rules';
import { catchUpAssembly } from '@/server/assembly/due';
import { parseId, peekCompound, requireCompound } from '@/server/auth/guards';
import { AgendaSection } from './_components/agenda-section';
import { MaterialsSection } from './_components/materials-section';
import { MyPartSection } from './_components/my-part-section';
import { NoticeSection } from './_components/notice-section';
import { ObjectionsSection } from './_components/objections-section';
import { OrganiseSection } from './_components/organise-section';
import { ProxiesSection } from './_components/proxies-section';

type Props = { params: Promise<{ compoundId: string; assemblyId: string }> };

const assemblyOf = cache(getAssembly);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const compound = await peekCompound(p.compoundId);
  const id = parseId(p.assemblyId);
  const title = compound && id ? assemblyOf(compound.id, id)?.title : undefined;
  return { title: title ?? (await getTranslations('assembly'))('title') };
}

/**
 * An owners' assembly: its notice (the legal record of how it was called), the agenda with each
 * matter's ballot, the materials, one's own units and who votes for them, objections to the register,
 * proxies, the committee's tools, and after the close the result.
 */
export default async function AssemblyPage({ params }: Props) {
  const p = await params;
  const { actor, compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.assemblyId);
  const found = id ? assemblyOf(compound.id, id) : undefined;
  if (!found) notFound();
  const now = Date.now();
  // The clock opens and closes assemblies in the background; a visit after the time does it at once.
  const assembly = catchUpAssembly(found, now) ?? found;
  const committee = hasAny(roles, COMMITTEE);
  const matters = assemblyMatters(assembly.id);
  const turnout = mattersTurnout(assembly.id);
  const holders = myHolders(assembly.id, actor.personId);
  return (
    <div className="space-y-5">
      <NoticeSection compound={compound} assembly={assembly} electorate={electorateOf(assembly.id)} />
      <AgendaSection
        compoundId={compound.id}
        assembly={assembly}
        matters={matters}
        turnout={turnout}
        mine={myAssemblyBallots(assembly.id, actor.personId)}
        handovers={assembly.status === 'closed' ? handoversOf(assembly.id) : []}
      />
      <MyPartSection
        compoundId={compound.id}
        assembly={assembly}
        units={myUnits(assembly.id, actor.personId)}
        household={householdVoters(compound.id, actor.personId)}
        isTenant={roles.has('tenant') && !roles.has('owner')}
      />
      <MaterialsSection assembly={assembly} files={assemblyFilesOf(assembly.id, 'material')} />
      <ObjectionsSection
        compoundId={compound.id}
        assembly={assembly}
        objections={listObjections(assembly.id, committee || assembly.status === 'closed' ? null : actor.personId)}
        committee={committee}
        roles={roles}
        now={now}
      />
      <ProxiesSection
        compoundId={compound.id}
        assembly={assembly}
        holders={holders}
        proxies={listProxies(assembly.id, committee ? null : actor.personId)}
        roles={roles}
        personId={actor.personId}
        now={now}
      />
      <OrganiseSection
        compoundId={compound.id}
        assembly={assembly}
        delivery={canSeeDeliveryList(roles) === null}
        close={
          assembly.status === 'open' && committee
            ? canCloseAssembly(roles, assembly, now, everyoneVoted(assembly.id))
            : 'hidden'
        }
      />
    </div>
  );
}
