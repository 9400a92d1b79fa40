import './ui.css';
import './forms.css';
import './dialog.css';

export { Alert } from './Alert.tsx';
export { Avatar, initialsOf } from './Avatar.tsx';
export { Badge, type BadgeTone } from './Badge.tsx';
export { Button, ButtonLink } from './Button.tsx';
export { Card } from './Card.tsx';
export { ConfirmDialog } from './ConfirmDialog.tsx';
export { Dialog } from './Dialog.tsx';
export { EmptyState } from './EmptyState.tsx';
export { PageSpinner, Spinner } from './Spinner.tsx';
export { TagInput } from './TagInput.tsx';
export { Checkbox, Select, type SelectOption, TextArea, TextField } from './TextField.tsx';
