import { HANDLE_PATTERN, LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, ButtonLink, Card, FormError, TextField } from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { nullIfBlank } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useMe } from '../auth/session.ts';
import { refreshSpaces, spaceKeys } from './api.ts';
import { SpaceCategoryField, SpaceDescriptionField, SpaceNameField } from './SpaceFields.tsx';
import type { Space, SpaceAudience, SpaceVisibility } from './types.ts';
import { AudienceChoice, VisibilityChoice } from './VisibilityFields.tsx';
import './spaces.css';
import './space-page.css';

const FIELDS = {
  name: 'Name',
  handle: 'Handle',
  description: 'Description',
  category: 'Category',
  audience: 'Audience',
  visibility: 'Visibility',
};

export function CreateSpacePage() {
  useDocumentTitle('Create space');
  const me = useMe();
  if (me.person.kind !== 'member') {
    return (
      <Alert tone="danger" title="Not allowed">
        Only employees can create spaces.
      </Alert>
    );
  }
  return <CreateSpaceForm />;
}

function CreateSpaceForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [audience, setAudience] = useState<SpaceAudience>('internal');
  const [visibility, setVisibility] = useState<SpaceVisibility>('open');
  const create = useMutation({
    mutationFn: () =>
      api.post<Space>('/api/v1/spaces', {
        name: name.trim(),
        ...(handle.trim() ? { handle: handle.trim() } : {}),
        description: nullIfBlank(description),
        category: nullIfBlank(category),
        audience,
        visibility,
      }),
    onSuccess: (space) => {
      queryClient.setQueryData(spaceKeys.detail(space.handle), space);
      refreshSpaces(queryClient);
      navigate(`/spaces/${space.handle}`);
    },
  });
  const errors = useFormErrors(create, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <>
      <div className="page-header">
        <h1>Create space</h1>
      </div>
      <Card>
        <form ref={errors.formRef} className="stack narrow-form" onSubmit={onSubmit} noValidate>
          <FormError banner={errors.banner} announcement={errors.announcement} />
          <SpaceNameField value={name} onChange={setName} error={errors.field('name')} />
          <TextField
            label="Handle"
            hint="Optional. Used in the address, e.g. /spaces/design-guild. Made from the name when left blank."
            maxLength={LIMITS.handle.max}
            pattern={HANDLE_PATTERN}
            value={handle}
            onChange={(event) => setHandle(event.target.value.toLowerCase())}
            error={errors.field('handle')}
          />
          <SpaceDescriptionField
            value={description}
            onChange={setDescription}
            error={errors.field('description')}
          />
          <SpaceCategoryField
            hint="e.g. Department, Project, Interest group"
            value={category}
            onChange={setCategory}
            error={errors.field('category')}
          />
          <AudienceChoice value={audience} onChange={setAudience} error={errors.field('audience')} />
          <VisibilityChoice value={visibility} onChange={setVisibility} error={errors.field('visibility')} />
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={create.isPending}>
              Create space
            </Button>
            <ButtonLink to="/spaces" variant="ghost">
              Cancel
            </ButtonLink>
          </div>
        </form>
      </Card>
    </>
  );
}
