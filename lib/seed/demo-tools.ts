// The demo project's tools: they work out of the box on the draft endpoint.
export const demoComponents = [
  {
    name: "weather-card",
    csp: {},
    html: `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; }
  .card { border-radius: 12px; padding: 16px; background: linear-gradient(135deg, #e0f2fe, #f0f9ff); color: #0c4a6e; }
  .temp { font-size: 40px; font-weight: 700; }
</style>
</head>
<body>
<div class="card">
  <div id="city">Waiting for data…</div>
  <div class="temp" id="temp"></div>
  <div id="summary"></div>
</div>
<script>
  // MCP Apps: the host posts the tool result to the component.
  window.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.method !== "ui/notifications/tool-result") return;
    const props = (message.params && message.params.structuredContent) || {};
    document.getElementById("city").textContent = props.city || "";
    document.getElementById("temp").textContent = props.temperatureC !== undefined ? props.temperatureC + " °C" : "";
    document.getElementById("summary").textContent = props.summary || "";
  });
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
];
