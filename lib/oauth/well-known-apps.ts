// Names people trust on sight. A client chooses its own name, so a metadata document on any host
// could call itself "Claude"; the consent page believes such a name only from the app's own
// hosts. Matching is loose on purpose (case, spacing, look-alike letters: "C1aude", "Сlaude"), so
// a near-miss is flagged rather than trusted.
const WELL_KNOWN_APPS: Array<{ name: string; words: string[]; hosts: string[] }> = [
  { name: "Claude", words: ["claude", "anthropic"], hosts: ["claude.ai", "claude.com", "anthropic.com"] },
  { name: "ChatGPT", words: ["chatgpt", "openai"], hosts: ["chatgpt.com", "openai.com"] },
  { name: "Cursor", words: ["cursor"], hosts: ["cursor.com", "cursor.sh"] },
  { name: "GitHub Copilot", words: ["copilot", "github"], hosts: ["github.com", "microsoft.com"] },
  {
    name: "Visual Studio Code",
    words: ["vscode", "visualstudio"],
    hosts: ["vscode.dev", "visualstudio.com", "microsoft.com", "github.com"],
  },
  { name: "Gemini", words: ["gemini"], hosts: ["google.com"] },
  { name: "Atelier", words: ["atelier"], hosts: [] },
];

// Latin look-alikes (Cyrillic, Greek) and digits used as letters.
const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  х: "x",
  у: "y",
  і: "i",
  ӏ: "l",
  ԁ: "d",
  һ: "h",
  ɡ: "g",
  ο: "o",
  α: "a",
  ρ: "p",
  ν: "v",
  "0": "o",
  "1": "l",
  "3": "e",
  "4": "a",
  "5": "s",
  "@": "a",
  $: "s",
  "|": "l",
};

function letters(value: string): string {
  return [...value.normalize("NFKC").toLowerCase()]
    .map((character) => LOOK_ALIKES[character] ?? character)
    .join("")
    .replace(/[^a-z]/g, "");
}

function isOnHost(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The well-known app a client's name claims to be when `host` (its metadata document's) is not
 * one of that app's own, else null.
 */
export function impersonatedApp(name: string, host: string): string | null {
  const normalized = letters(name);
  const hostname = host.toLowerCase().replace(/:\d+$/, "");
  for (const app of WELL_KNOWN_APPS) {
    if (!app.words.some((word) => normalized.includes(word))) continue;
    if (!app.hosts.some((domain) => isOnHost(hostname, domain))) return app.name;
  }
  return null;
}
