// The demo project's tools: they work out of the box on the draft endpoint.
// Components use the ext-apps App client Atelier inlines as `window.McpApps` (README "Writing
// tools"), so they render in every spec-compliant host (claude.ai, ChatGPT…), not only the studio.
export const demoComponents = [
  {
    name: "weather-card",
    csp: {},
    title: "Weather card",
    description: "A city's temperature and a one-line summary.",
    html: `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; }
  .card { border-radius: 12px; padding: 16px; background: linear-gradient(135deg, #e0f2fe, #f0f9ff); color: #0c4a6e; }
  [data-theme="dark"] .card { background: linear-gradient(135deg, #0c4a6e, #082f49); color: #e0f2fe; }
  .temp { font-size: 40px; font-weight: 700; }
</style>
</head>
<body>
<div class="card">
  <div id="city">Waiting for data…</div>
  <div class="temp" id="temp"></div>
  <div id="summary"></div>
</div>
<script type="module">
  // MCP Apps: connect with the App client; the host then sends the tool result.
  const { App, applyDocumentTheme } = window.McpApps;
  const app = new App({ name: "weather-card", version: "1.0.0" }, {}, { autoResize: true });
  app.ontoolresult = (result) => {
    const props = result.structuredContent || {};
    document.getElementById("city").textContent = props.city || "";
    document.getElementById("temp").textContent = props.temperatureC !== undefined ? props.temperatureC + " °C" : "";
    document.getElementById("summary").textContent = props.summary || "";
  };
  app.onhostcontextchanged = (context) => context.theme && applyDocumentTheme(context.theme);
  await app.connect();
  const theme = app.getHostContext()?.theme;
  if (theme) applyDocumentTheme(theme);
</script>
</body>
</html>
`,
  },
  {
    name: "temperature-dial",
    csp: {},
    title: "Temperature dial",
    description: "A temperature in °C and °F, with buttons that convert again from inside the view.",
    html: `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #1f2937; }
  [data-theme="dark"] body { color: #e5e7eb; }
  .row { display: flex; align-items: center; gap: 12px; }
  .value { font-size: 32px; font-weight: 700; min-width: 8ch; }
  button { font: inherit; padding: 4px 12px; border-radius: 8px; border: 1px solid #cbd5e1; background: white; cursor: pointer; }
  #status { color: #64748b; font-size: 13px; margin-top: 8px; }
</style>
</head>
<body>
<div class="row">
  <button id="down" type="button" aria-label="5 degrees colder">−5°</button>
  <div>
    <div class="value" id="celsius">…</div>
    <div id="fahrenheit"></div>
  </div>
  <button id="up" type="button" aria-label="5 degrees warmer">+5°</button>
</div>
<div id="status">Waiting for data…</div>
<script type="module">
  // The full loop: the UI Tool's result sets the starting value; the buttons call the
  // convert_temperature Data Tool from inside the view (app.callServerTool, through the host).
  const { App, applyDocumentTheme } = window.McpApps;
  const app = new App({ name: "temperature-dial", version: "1.0.0" }, {}, { autoResize: true });
  let celsius = null;
  const show = (converted) => {
    celsius = converted.celsius;
    document.getElementById("celsius").textContent = converted.celsius + " °C";
    document.getElementById("fahrenheit").textContent = converted.fahrenheit + " °F";
  };
  const convert = async (value, from) => {
    document.getElementById("status").textContent = "Converting…";
    try {
      const result = await app.callServerTool({ name: "convert_temperature", arguments: { value, from } });
      if (result.isError) throw new Error(result.content?.[0]?.text || "the tool failed");
      show(result.structuredContent);
      document.getElementById("status").textContent = "Converted by convert_temperature";
    } catch (error) {
      document.getElementById("status").textContent = "Could not convert: " + error.message;
    }
  };
  app.ontoolresult = (result) => {
    const props = result.structuredContent || {};
    if (typeof props.value === "number") convert(props.value, props.from || "celsius");
  };
  document.getElementById("up").onclick = () => celsius !== null && convert(celsius + 5, "celsius");
  document.getElementById("down").onclick = () => celsius !== null && convert(celsius - 5, "celsius");
  app.onhostcontextchanged = (context) => context.theme && applyDocumentTheme(context.theme);
  await app.connect();
  const theme = app.getHostContext()?.theme;
  if (theme) applyDocumentTheme(theme);
</script>
</body>
</html>
`,
  },
];

export const demoTools = [
  {
    name: "add_numbers",
    kind: "DATA" as const,
    title: "Add numbers",
    description: "Adds a list of numbers and returns the sum.",
    inputSchema: {
      type: "object",
      properties: { numbers: { type: "array", items: { type: "number" }, minItems: 1, description: "Numbers to add" } },
      required: ["numbers"],
      additionalProperties: false,
    },
    outputSchema: null,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    handler: `async (props, env) => {
  const sum = props.numbers.reduce((total, n) => total + n, 0);
  console.log("adding", props.numbers.length, "numbers");
  return { sum };
}
`,
    presets: [{ name: "Three numbers", arguments: { numbers: [1, 2, 3.5] } }],
  },
  {
    name: "convert_temperature",
    kind: "DATA" as const,
    title: "Convert temperature",
    description: "Converts a temperature between Celsius and Fahrenheit, with structured output.",
    inputSchema: {
      type: "object",
      properties: { value: { type: "number" }, from: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["value", "from"],
      additionalProperties: false,
    },
    outputSchema: {
      type: "object",
      properties: { celsius: { type: "number" }, fahrenheit: { type: "number" } },
      required: ["celsius", "fahrenheit"],
    },
    annotations: { readOnlyHint: true, idempotentHint: true },
    handler: `async ({ value, from }) => {
  const celsius = from === "celsius" ? value : ((value - 32) * 5) / 9;
  const round = (n) => Math.round(n * 100) / 100;
  return { celsius: round(celsius), fahrenheit: round((celsius * 9) / 5 + 32) };
}
`,
    presets: [{ name: "Body temperature", arguments: { value: 98.6, from: "fahrenheit" } }],
  },
  {
    name: "show_weather",
    kind: "UI" as const,
    title: "Show weather",
    description: "Shows a weather card for a city. Pass the city, temperature in °C and a one-line summary.",
    inputSchema: {
      type: "object",
      properties: { city: { type: "string" }, temperatureC: { type: "number" }, summary: { type: "string" } },
      required: ["city", "temperatureC"],
      additionalProperties: false,
    },
    outputSchema: null,
    annotations: { readOnlyHint: true },
    handler: "",
    componentName: "weather-card",
    presets: [{ name: "Lisbon", arguments: { city: "Lisbon", temperatureC: 21, summary: "Sunny with a light breeze" } }],
  },
  {
    name: "show_temperature",
    kind: "UI" as const,
    title: "Show temperature",
    description:
      "Shows a temperature dial that converts between Celsius and Fahrenheit; the user can turn it up or down from the view. Pass the value and its unit.",
    inputSchema: {
      type: "object",
      properties: { value: { type: "number" }, from: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["value", "from"],
      additionalProperties: false,
    },
    outputSchema: null,
    annotations: { readOnlyHint: true },
    handler: "",
    componentName: "temperature-dial",
    presets: [{ name: "Room temperature", arguments: { value: 21, from: "celsius" } }],
  },
];
