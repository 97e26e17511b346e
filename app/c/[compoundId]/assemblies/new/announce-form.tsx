'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { MAX_MATTERS } from '@/lib/assembly/validation';
import { ART278_ITEMS, matterOf } from '@/lib/voting/matters';
import { Button } from '../../../../_components/button';
import { SelectField, TextArea, TextField } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { PhotoField } from '../../../../_components/photo-field';
import { announceAssemblyAction } from '../actions';

type Kind = 'decision' | 'election' | 'choice';
type Topic = { id: number; title: string; candidates: number; nominationsOpen: number };

/** One matter of the agenda: the topic it rests on, how it is decided, its Art. 278 item and question. */
function MatterFields(props: {
  row: number;
  topics: Topic[];
  initialTopic: number | null;
  seats: number;
  fieldError: (name: string) => string | null;
  onRemove: (() => void) | null;
}) {
  const t = useTranslations('assembly');
  const tv = useTranslations('votes');
  const [kind, setKind] = useState<Kind>('decision');
  const [topicId, setTopicId] = useState(String(props.initialTopic ?? ''));
  const name = (f: string) => `m${props.row}_${f}`;
  const topic = props.topics.find((x) => String(x.id) === topicId);
  return (
    <fieldset className="space-y-3 rounded-lg bg-stone-50 p-4 ring-1 ring-stone-200">
      <legend className="px-1 font-semibold">{t('matterNo', { n: props.row })}</legend>
      <SelectField
        label={t('matterTopic')}
        name={name('topicId')}
        value={topicId}
        onChange={(e) => setTopicId(e.target.value)}
        error={props.fieldError(name('topicId'))}
      >
        <option value="">{t('chooseTopic')}</option>
        {props.topics.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('matterKind')}
        name={name('kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        error={props.fieldError(name('kind'))}
      >
        {(['decision', 'election', 'choice'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`matterKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === 'election' ? (
        <p className="rounded-md bg-white p-3 text-sm ring-1 ring-stone-200">
          {topic
            ? t('electionCandidates', { count: topic.candidates, seats: props.seats })
            : t('electionNeedsTopic', { seats: props.seats })}
        </p>
      ) : (
        <SelectField
          label={tv('matter')}
          name={name('item')}
          defaultValue={kind === 'choice' ? '4' : ''}
          hint={tv('matterHint')}
          error={props.fieldError(name('item'))}
        >
          <option value="">{tv('chooseMatter')}</option>
          {ART278_ITEMS.map((i) => (
            <option key={i} value={i}>
              {t('itemWithKind', { item: tv(`matters.${i}`), kind: tv(`matterKinds.${matterOf(i)}`) })}
            </option>
          ))}
        </SelectField>
      )}
      <TextArea
        label={t('matterQuestion')}
        name={name('question')}
        rows={2}
        maxLength={200}
        defaultValue={topic?.title ?? ''}
        key={`q-${topicId}`}
        error={props.fieldError(name('question'))}
      />
      {kind === 'choice' && (
        <TextArea
          label={t('choiceOptions')}
          name={name('options')}
          rows={3}
          maxLength={800}
          hint={t('choiceOptionsHint')}
          error={props.fieldError(name('options'))}
        />
      )}
      {props.onRemove && (
        <Button variant="ghost" onClick={props.onRemove}>
          {t('removeMatter')}
        </Button>
      )}
    </fieldset>
  );
}

/** The announcement (会议通知): title, agenda, materials, how to vote, and the dates the rules allow. */
export function AnnounceForm(props: {
  compoundId: number;
  topics: Topic[];
  initialTopic: number | null;
  defaults: { objectionsUntil: string; startsAt: string; endsAt: string };
  seats: number;
}) {
  const t = useTranslations('assembly');
  const router = useRouter();
  const [rows, setRows] = useState([1]);
  const { state, pending, onSubmit, fieldError } = useActionForm(announceAssemblyAction.bind(null, props.compoundId));
  useEffect(() => {
    if (state?.ok) router.push(`/c/${props.compoundId}/assemblies/${state.data.assemblyId}`);
  }, [state, router, props.compoundId]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <TextField label={t('titleField')} name="title" maxLength={100} error={fieldError('title')} />
      <div className="space-y-3">
        <h2 className="font-semibold text-lg">{t('agendaField')}</h2>
        {rows.map((row, i) => (
          <MatterFields
            key={row}
            row={i + 1}
            topics={props.topics}
            initialTopic={i === 0 ? props.initialTopic : null}
            seats={props.seats}
            fieldError={fieldError}
            onRemove={rows.length > 1 ? () => setRows(rows.filter((r) => r !== row)) : null}
          />
        ))}
        {rows.length < MAX_MATTERS && (
          <Button variant="secondary" onClick={() => setRows([...rows, Math.max(...rows) + 1])}>
            {t('addMatter')}
          </Button>
        )}
      </div>
      <TextArea
        label={t('materials')}
        name="materials"
        rows={4}
        maxLength={5000}
        hint={t('materialsHint')}
        error={fieldError('materials')}
      />
      <PhotoField
        label={t('files')}
        name="files"
        accept="application/pdf,image/jpeg,image/png,image/webp"
        hint={t('filesHint')}
        error={fieldError('files')}
        texts={{ choose: t('chooseFiles'), none: t('noFile'), chosen: t('filesChosen', { n: '{n}' }) }}
      />
      <TextArea
        label={t('howToVote')}
        name="howToVote"
        rows={3}
        maxLength={1000}
        defaultValue={t('howToVoteDefault')}
        error={fieldError('howToVote')}
      />
      <TextField
        label={t('ballotBox')}
        name="ballotBox"
        maxLength={200}
        hint={t('ballotBoxHint')}
        error={fieldError('ballotBox')}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('objectionsUntil')}
          name="objectionsUntil"
          type="datetime-local"
          defaultValue={props.defaults.objectionsUntil}
          error={fieldError('objectionsUntil')}
        />
        <TextField
          label={t('startsAt')}
          name="startsAt"
          type="datetime-local"
          defaultValue={props.defaults.startsAt}
          error={fieldError('startsAt')}
        />
        <TextField
          label={t('endsAt')}
          name="endsAt"
          type="datetime-local"
          defaultValue={props.defaults.endsAt}
          error={fieldError('endsAt')}
        />
      </div>
      <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t('freezeNote')}</p>
      <FormStatus state={state} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t('announceSubmit')}
      </Button>
    </form>
  );
}
