/**
 * Copies text with the Clipboard API, then says how it went. Refused (permissions, an insecure context, an
 * old browser), `select` puts the text under the student's own selection to copy: never a dead button.
 */
export async function copyOrSelect(text: string, select: () => void, done: (outcome: 'copied' | 'failed') => void): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    done('copied');
  } catch {
    select();
    done('failed');
  }
}
