// One chat completion through the official OpenAI Node SDK, configured only by its usual settings.
// Prints one JSON line: {"ok":true,"model":...,"content":...} or {"ok":false,"status":...,"message":...}.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: process.env.AUGMENT_BASE_URL, apiKey: process.env.AUGMENT_API_KEY, maxRetries: 0 });
try {
  const completion = await client.chat.completions.create({
    model: process.env.AUGMENT_MODEL,
    messages: [{ role: "user", content: process.env.AUGMENT_QUESTION }],
  });
  console.log(JSON.stringify({ ok: true, model: completion.model, content: completion.choices[0].message.content }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, status: e.status ?? null, message: e.error?.message ?? String(e.message) }));
}
