/** A notification's link as a path inside the app, or null when it is not one (never another site). */
export function safePath(url: string): string | null {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : null;
}
