/** The page's messages: an error that stays until cleared, a notice that goes by itself. */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function showError(message: string): void {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
}

export function clearError(): void {
  $('error').hidden = true;
}

export function notice(message: string): void {
  const box = $('notice');
  box.textContent = message;
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 6000);
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
