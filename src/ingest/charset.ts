/**
 * A fetched body as text, in the encoding the server or the document declares: the
 * Content-Type charset, else an HTML `<meta charset>` or XML declaration near the start,
 * else UTF-8 (with its byte-order mark honoured).
 */
export function decodeBody(body: Buffer, contentType: string): string {
  const declared = charsetOf(contentType) ?? charsetInDocument(body.subarray(0, 2048).toString('latin1'));
  return new TextDecoder(supported(declared) ?? 'utf-8').decode(body);
}

const charsetOf = (contentType: string): string | null => /charset\s*=\s*["']?([\w.:-]+)/iu.exec(contentType)?.[1] ?? null;

function charsetInDocument(head: string): string | null {
  return (
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head)?.[1] ??
    null
  );
}

function supported(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null; // an unknown label: read as UTF-8 rather than fail
  }
}
