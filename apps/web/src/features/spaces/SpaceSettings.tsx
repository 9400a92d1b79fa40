import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, ConfirmDialog, FormError, TextArea } from '../../components/ui/index.ts';
import { ApiError, api, errorMessage } from '../../lib/api.ts';
import { nullIfBlank } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { refreshSpaces, spaceKeys, spacePath } from './api.ts';
import { SpaceCategoryField, SpaceDescriptionField, SpaceNameField } from './SpaceFields.tsx';
import { SpaceImages } from './SpaceImages.tsx';
import { SpaceNotFound, useCurrentSpace } from './SpacePage.tsx';
import { SpaceRules } from './SpaceRules.tsx';
import type { Space, SpaceAudience, SpaceVisibility } from './types.ts';
import { AudienceChoice, VisibilityChoice } from './VisibilityFields.tsx';

const FIELDS = {
  name: 'Name',
  description: 'Description',
  guidelines: 'Guidelines',
  category: 'Category',
  visibility: 'Visibility',
  audience: 'Audience',
};

export function SpaceSettings() {
  const space = useCurrentSpace();
  if (!space.abilities.manageSettings) return <SpaceNotFound />;
  return (
    <div className="stack">
      <SettingsForm space={space} />
      <SpaceImages space={space} />
      {space.audience === 'internal' ? <SpaceRules space={space} /> : null}
      {space.abilities.archive ? <ArchiveCard space={space} /> : null}
    </div>
  );
}

function SettingsForm({ space }: { space: Space }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description ?? '');
  const [guidelines, setGuidelines] = useState(space.guidelines ?? '');
  const [category, setCategory] = useState(space.category ?? '');
  const [visibility, setVisibility] = useState<SpaceVisibility>(space.visibility);
  const [audience, setAudience] = useState<SpaceAudience>(space.audience);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: (confirmAudienceChange: boolean) =>
      api.patch<Space>(spacePath(space.handle), {
        name: name.trim(),
        description: nullIfBlank(description),
        guidelines: nullIfBlank(guidelines),
        category: nullIfBlank(category),
        visibility,
        ...(audience !== space.audience ? { audience } : {}),
        ...(confirmAudienceChange ? { confirmAudienceChange: true } : {}),
      }),
    onSuccess: (updated) => {
      setConfirming(false);
      setSaved(true);
      queryClient.setQueryData(spaceKeys.detail(space.handle), updated);
      refreshSpaces(queryClient);
    },
    onError: (error) => {
      // Opening an internal space with content to outsiders needs an explicit, audited confirmation.
      if (
        error instanceof ApiError &&
        error.status === 409 &&
        audience === 'external' &&
        space.audience === 'internal'
      ) {
        setConfirming(true);
      }
    },
  });
  const errors = useFormErrors(save, FIELDS);
  const needsConfirm = confirming && save.error instanceof ApiError && save.error.status === 409;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(false);
  };

  return (
    <Card title="Settings">
      <form ref={errors.formRef} className="stack narrow-form" onSubmit={onSubmit} noValidate>
        {needsConfirm ? null : <FormError banner={errors.banner} announcement={errors.announcement} />}
        {saved ? <Alert tone="success">Changes saved.</Alert> : null}
        <SpaceNameField value={name} onChange={setName} error={errors.field('name')} />
        <SpaceDescriptionField
          value={description}
          onChange={setDescription}
          error={errors.field('description')}
        />
        <TextArea
          label="Guidelines"
          rows={5}
          maxLength={LIMITS.spaceGuidelines}
          value={guidelines}
          onChange={(e) => setGuidelines(e.target.value)}
          error={errors.field('guidelines')}
        />
        <SpaceCategoryField value={category} onChange={setCategory} error={errors.field('category')} />
        <VisibilityChoice value={visibility} onChange={setVisibility} error={errors.field('visibility')} />
        {space.abilities.changeAudience ? (
          <AudienceChoice value={audience} onChange={setAudience} error={errors.field('audience')} />
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={save.isPending && save.variables === false}>
            Save changes
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={needsConfirm}
        title="Open this space to external people?"
        confirmLabel="Change anyway"
        danger
        pending={save.isPending}
        onCancel={() => {
          setConfirming(false);
          save.reset();
        }}
        onConfirm={() => save.mutate(true)}
      >
        <p>{save.error ? errorMessage(save.error) : null}</p>
        <p>
          {space.name} already has members and content. As an external community, customers and partners who
          join will be able to read everything already posted here. The change is recorded in the audit log.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

function ArchiveCard({ space }: { space: Space }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const toggle = useMutation({
    mutationFn: () => api.post<Space>(spacePath(space.handle, space.archived ? '/restore' : '/archive')),
    onSuccess: (updated) => {
      setOpen(false);
      queryClient.setQueryData(spaceKeys.detail(space.handle), updated);
      refreshSpaces(queryClient);
    },
  });
  return (
    <Card title={space.archived ? 'Restore' : 'Archive'}>
      <p className="muted">
        {space.archived
          ? 'Restoring makes the space active and listed again.'
          : 'Archiving makes the space read-only and hides it from the directory. You can restore it later.'}
      </p>
      <div>
        <Button variant={space.archived ? 'secondary' : 'danger'} onClick={() => setOpen(true)}>
          {space.archived ? 'Restore space' : 'Archive space'}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={space.archived ? `Restore ${space.name}?` : `Archive ${space.name}?`}
        confirmLabel={space.archived ? 'Restore space' : 'Archive space'}
        danger={!space.archived}
        pending={toggle.isPending}
        error={toggle.isError ? errorMessage(toggle.error) : null}
        onCancel={() => {
          setOpen(false);
          toggle.reset();
        }}
        onConfirm={() => toggle.mutate()}
      >
        <p>{space.archived ? 'Members can post again.' : 'Nobody can post until it is restored.'}</p>
      </ConfirmDialog>
    </Card>
  );
}
