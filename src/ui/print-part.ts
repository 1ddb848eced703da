/**
 * Prints the prepared request alone: on a page that holds more (counsellor mode's summary), the print style
 * sheet shows only it while the root carries this class.
 */
export function printPrepared(): void {
  const root = document.documentElement;
  root.classList.add('print-prepared');
  addEventListener('afterprint', () => root.classList.remove('print-prepared'), { once: true });
  window.print();
}
