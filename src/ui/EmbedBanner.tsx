import { t } from '../i18n';
import { embedded, fullAppHref } from '../platform/embedded';

/** In another website's frame: a way out to the full app (offline, installable), in a new tab. Nothing otherwise. */
export function EmbedBanner() {
  const options = embedded();
  if (!options) return null;
  return (
    <p class="embed-banner">
      <a href={fullAppHref(options)} target="_blank" rel="noopener">{t('embed.openFull')}</a>
    </p>
  );
}
