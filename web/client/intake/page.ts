/** The intake page's own elements: the live region, the error box and a typed query helper. */
export const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

export function announce(message: string): void {
  $('#announce').textContent = message;
}

export function showError(message: string): void {
  const box = $<HTMLElement>('#intake-error');
  box.textContent = message;
  box.hidden = message === '';
}
