// The theme is applied before the first paint, by an inline script in <head>: reading the saved
// choice in React would paint the light page first and then flip (a flash on every load).
export const THEME_STORAGE_KEY = "atelier-theme";
export type ThemeChoice = "system" | "light" | "dark";

/** Sets `dark` on <html> from the saved choice, or the system setting; follows the system while on "system". */
export const THEME_SCRIPT = `(() => {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let choice = null;
    try { choice = localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)}); } catch {}
    const dark = choice === "dark" || (choice !== "light" && media.matches);
    document.documentElement.classList.toggle("dark", dark);
  };
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", apply);
  window.__atelierApplyTheme = apply;
})();`;
