/**
 * Work that must not delay the start page: after `load`, after the next frame is painted, when the browser
 * is idle (Safari has no requestIdleCallback). Requests made earlier compete with the first paint on a slow
 * connection (Lighthouse counts every request started before the largest paint against it).
 */
export function afterPaint(f: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200));
  // Two frames: a callback of the first runs before that frame is painted, and the paint is presented
  // (the moment Lighthouse and the browser record) a little after the second begins.
  const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(idle, 0)));
  if (document.readyState === 'complete') painted();
  else addEventListener('load', painted, { once: true });
}

/**
 * Right after the next frame: a task queued once that frame's callbacks have run (a frame callback alone would
 * still run before the frame is drawn). For work that must not hold up what the student is about to see.
 */
export function afterNextFrame(f: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); f(); };
    channel.port2.postMessage(null);
  });
}
