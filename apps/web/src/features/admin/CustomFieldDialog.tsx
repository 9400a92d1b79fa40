import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Dialog, FormError, Select, TextArea, TextField } from '../../components/ui/index.ts';
import { api, enc } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { CustomField, FieldVisibility } from '../../lib/types.ts';
import { parseOptions, TYPE_LABELS, VISIBILITY_OPTIONS } from './customFieldForm.ts';

/** Edit label, options, visibility and position of an existing field (key and type are fixed). */
export function CustomFieldDialog({ field, onClose }: { field: CustomField; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options.join('\n'));
  const [visibility, setVisibility] = useState<FieldVisibility>(field.visibility);
  const [position, setPosition] = useState(String(field.position));

  const save = useMutation({
    mutationFn: () =>
      api.patch<CustomField>(`/api/v1/admin/custom-fields/${enc(field.id)}`, {
        label: label.trim(),
        visibility,
        position: Number(position),
        ...(field.type === 'select' ? { options: parseOptions(options) } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.customFields });
      void queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
      onClose();
    },
  });
  const saveErrors = useFormErrors(save, {
    label: 'Label',
    options: 'Options',
    visibility: 'Visibility',
    position: 'Position',
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const formId = `edit-field-${field.id}`;

  return (
    <Dialog
      open
      title={`Edit field “${field.label}”`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" loading={save.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form ref={saveErrors.formRef} id={formId} className="stack" onSubmit={onSubmit} noValidate>
        <p className="muted">
          Key <code>{field.key}</code> · {TYPE_LABELS[field.type]}
        </p>
        <FormError banner={saveErrors.banner} announcement={saveErrors.announcement} />
        <TextField
          label="Label"
          required
          maxLength={LIMITS.customFieldLabel}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={saveErrors.field('label')}
        />
        {field.type === 'select' ? (
          <TextArea
            label="Options"
            hint="One option per line."
            rows={5}
            value={options}
            onChange={(event) => setOptions(event.target.value)}
            error={saveErrors.field('options')}
          />
        ) : null}
        <Select
          label="Visibility"
          value={visibility}
          onChange={(event) => setVisibility(event.target.value as FieldVisibility)}
          options={VISIBILITY_OPTIONS}
          error={saveErrors.field('visibility')}
        />
        <TextField
          label="Position"
          type="number"
          min={0}
          step={1}
          value={position}
          onChange={(event) => setPosition(event.target.value)}
          hint="Fields are shown in ascending position."
          error={saveErrors.field('position')}
        />
      </form>
    </Dialog>
  );
}
