import { DEPARTMENTS, LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  FormError,
  PageSpinner,
  Select,
  TagInput,
  TextArea,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { nullIfBlank } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { CustomField, PersonSummary, Profile } from '../../lib/types.ts';
import { useCustomFields, useFacets, useProfile } from '../people/api.ts';
import { AvatarEditor } from './AvatarEditor.tsx';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { ManagerPicker } from './ManagerPicker.tsx';
import './profile.css';

export function EditProfilePage() {
  const { handle = '' } = useParams();
  const profile = useProfile(handle);
  const fields = useCustomFields();
  useDocumentTitle('Edit profile');

  if (profile.isPending || fields.isPending) return <PageSpinner label="Loading profile…" />;
  if (profile.isError) return <Alert tone="danger">{errorMessage(profile.error)}</Alert>;
  if (!profile.data.abilities.edit) {
    return (
      <Alert tone="danger" title="Not allowed">
        You cannot edit this profile. <Link to={`/people/${handle}`}>Back to profile</Link>
      </Alert>
    );
  }
  const definitions = [...(fields.data?.items ?? [])].sort((a, b) => a.position - b.position);
  return <EditProfileForm key={profile.data.id} profile={profile.data} definitions={definitions} />;
}

function timeZones(current: string | null): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

function EditProfileForm({ profile, definitions }: { profile: Profile; definitions: CustomField[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const facets = useFacets();
  const [name, setName] = useState(profile.name);
  const [title, setTitle] = useState(profile.title ?? '');
  const [department, setDepartment] = useState(profile.department ?? '');
  const [location, setLocation] = useState(profile.location ?? '');
  const [manager, setManager] = useState<PersonSummary | null>(profile.manager);
  const [timeZone, setTimeZone] = useState(profile.timeZone ?? '');
  const [bio, setBio] = useState(profile.bio ?? '');
  const [skills, setSkills] = useState(profile.skills);
  const [custom, setCustom] = useState<Record<string, string>>(() =>
    Object.fromEntries(profile.customFields.map((field) => [field.key, field.value ?? ''])),
  );
  const zones = useMemo(() => timeZones(profile.timeZone), [profile.timeZone]);
  const departments = useMemo(
    () => [...new Set([...DEPARTMENTS, ...(facets.data?.departments.map((facet) => facet.value) ?? [])])],
    [facets.data],
  );

  const save = useMutation({
    mutationFn: () =>
      api.patch<Profile>(`/api/v1/people/${enc(profile.handle)}`, {
        name: name.trim(),
        title: nullIfBlank(title),
        department: nullIfBlank(department),
        location: nullIfBlank(location),
        managerHandle: manager?.handle ?? null,
        timeZone: nullIfBlank(timeZone),
        bio: nullIfBlank(bio),
        skills,
        customFields: Object.fromEntries(
          definitions.map((field) => [field.key, nullIfBlank(custom[field.key] ?? '')]),
        ),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.people.profile(updated.handle), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      navigate(`/people/${updated.handle}`);
    },
  });

  const saveErrors = useFormErrors(save, {
    name: 'Name',
    title: 'Title',
    department: 'Department',
    location: 'Location',
    managerHandle: 'Manager',
    timeZone: 'Time zone',
    bio: 'Bio',
    skills: 'Skills',
    ...Object.fromEntries(definitions.map((field) => [field.key, field.label])),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const err = (field: string) => saveErrors.field(field);

  return (
    <>
      <div className="page-header">
        <h1>Edit profile</h1>
        <Link to={`/people/${profile.handle}`}>Back to profile</Link>
      </div>
      <div className="stack edit-profile">
        <Card title="Photo">
          <AvatarEditor profile={profile} />
        </Card>
        <Card title="Details">
          <form ref={saveErrors.formRef} className="stack" onSubmit={onSubmit} noValidate>
            <FormError banner={saveErrors.banner} announcement={saveErrors.announcement} />
            <div className="grid-2">
              <TextField
                label="Name"
                required
                maxLength={LIMITS.personName}
                value={name}
                onChange={(event) => setName(event.target.value)}
                error={err('name')}
              />
              <TextField
                label="Title"
                maxLength={LIMITS.title}
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                error={err('title')}
              />
              <TextField
                label="Department"
                list="department-options"
                maxLength={LIMITS.department}
                value={department}
                onChange={(event) => setDepartment(event.target.value)}
                error={err('department')}
              />
              <TextField
                label="Location"
                list="location-options"
                maxLength={LIMITS.location}
                value={location}
                onChange={(event) => setLocation(event.target.value)}
                error={err('location')}
              />
              <ManagerPicker
                value={manager}
                onChange={setManager}
                excludeId={profile.id}
                error={err('managerHandle')}
              />
              <Select
                label="Time zone"
                value={timeZone}
                onChange={(event) => setTimeZone(event.target.value)}
                options={[
                  { value: '', label: 'Not set' },
                  ...zones.map((zone) => ({ value: zone, label: zone })),
                ]}
                error={err('timeZone')}
              />
            </div>
            <datalist id="department-options">
              {departments.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
            <datalist id="location-options">
              {(facets.data?.locations ?? []).map((facet) => (
                <option key={facet.value} value={facet.value} />
              ))}
            </datalist>
            <TextArea
              label="Bio"
              rows={5}
              maxLength={LIMITS.bio}
              value={bio}
              onChange={(event) => setBio(event.target.value)}
              error={err('bio')}
              hint={`${bio.length} / ${LIMITS.bio} characters`}
            />
            <TagInput
              label="Skills"
              noun="skill"
              value={skills}
              onChange={setSkills}
              maxTags={LIMITS.skillsPerPerson}
              maxLength={LIMITS.skill}
              error={err('skills')}
            />
            {definitions.length > 0 ? (
              <fieldset className="fieldset custom-fields">
                <legend>More about you</legend>
                {definitions.map((field) => (
                  <CustomFieldInput
                    key={field.id}
                    field={field}
                    value={custom[field.key] ?? ''}
                    onChange={(value) => setCustom((old) => ({ ...old, [field.key]: value }))}
                    error={err(field.key)}
                  />
                ))}
              </fieldset>
            ) : null}
            <div className="form-actions">
              <Button type="submit" variant="primary" loading={save.isPending}>
                Save
              </Button>
              <ButtonLink to={`/people/${profile.handle}`}>Cancel</ButtonLink>
            </div>
          </form>
        </Card>
      </div>
    </>
  );
}
