/** Minimal, safe email bodies: every interpolated value is HTML-escaped. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function actionEmail(input: {
  heading: string;
  lines: string[];
  actionLabel: string;
  actionUrl: string;
  footer: string;
}) {
  const text = [
    input.heading,
    '',
    ...input.lines,
    '',
    `${input.actionLabel}: ${input.actionUrl}`,
    '',
    input.footer,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px">
<h1 style="font-size:20px">${escapeHtml(input.heading)}</h1>
${input.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(input.actionUrl)}" style="display:inline-block;padding:10px 16px;background:#2747b3;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(input.actionLabel)}</a></p>
<p style="color:#52606d;font-size:13px">${escapeHtml(input.footer)}</p>
</body></html>`;
  return { text, html };
}
