import { Alert } from './Alert.tsx';

interface FormErrorProps {
  /** Shown in the danger banner. */
  banner: string | null;
  /** Read out (not shown) when every problem is already displayed next to its field. */
  announcement?: string | null;
}

/** The top-of-form error: the banner, or a screen-reader-only summary of the field errors. */
export function FormError({ banner, announcement }: FormErrorProps) {
  if (banner) return <Alert tone="danger">{banner}</Alert>;
  if (announcement) {
    return (
      <div role="alert" className="visually-hidden">
        {announcement}
      </div>
    );
  }
  return null;
}
