// Fine-tuning through the official OpenAI Node SDK, configured only by its usual settings: uploads a
// chat JSONL file, creates a job on it, lists its events until it has ended, then asks the model it
// made. Prints one JSON line per step ({"step":"file"|"job"|"events"|"done"|"checkpoints"|"models"|"chat",...});
// on a failure a last line {"ok":false,"status":...,"message":...}.
import OpenAI, { toFile } from "openai";

const client = new OpenAI({ baseURL: process.env.AUGMENT_BASE_URL, apiKey: process.env.AUGMENT_API_KEY, maxRetries: 0 });
const print = (line) => console.log(JSON.stringify(line));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ended = (status) => ["succeeded", "failed", "cancelled"].includes(status);

try {
  const jsonl = process.env.AUGMENT_TRAINING_JSONL;
  const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), "train.jsonl"), purpose: "fine-tune" });
  print({ step: "file", id: file.id, object: file.object, bytes: file.bytes, purpose: file.purpose, status: file.status });

  const job = await client.fineTuning.jobs.create({
    model: process.env.AUGMENT_BASE_MODEL,
    training_file: file.id,
    suffix: "sdk",
    seed: 7,
    method: { type: "supervised", supervised: { hyperparameters: { n_epochs: 3, batch_size: 2, learning_rate_multiplier: 1 } } },
  });
  print({ step: "job", id: job.id, object: job.object, status: job.status, model: job.model, fine_tuned_model: job.fine_tuned_model });

  // Follow the newest events until one says the job ended; the job then tells how.
  const deadline = Date.now() + 4 * 60 * 1000;
  let status = job.status;
  while (!ended(status) && Date.now() < deadline) {
    const newest = await client.fineTuning.jobs.listEvents(job.id, { limit: 5 });
    if (newest.data.some((e) => /fine-tuning (succeeded|failed|cancelled)/.test(e.message))) {
      status = (await client.fineTuning.jobs.retrieve(job.id)).status;
    } else {
      await sleep(300);
    }
  }
  // Every event, page by page through the SDK's cursor (after = the last event id of a page).
  const events = [];
  for await (const e of client.fineTuning.jobs.listEvents(job.id, { limit: 3 })) {
    events.push(e);
  }
  print({
    step: "events", count: events.length, ids: events.map((e) => e.id),
    metrics: events.filter((e) => e.type === "metrics").map((e) => e.data.step), newest: events[0]?.message,
  });

  const done = await client.fineTuning.jobs.retrieve(job.id);
  print({ step: "done", status: done.status, fine_tuned_model: done.fine_tuned_model, trained_tokens: done.trained_tokens, error: done.error });

  const checkpoints = [];
  for await (const c of client.fineTuning.jobs.checkpoints.list(job.id)) {
    checkpoints.push(c.step_number);
  }
  print({ step: "checkpoints", steps: checkpoints });

  const models = [];
  for await (const m of client.models.list()) {
    models.push(m.id);
  }
  print({ step: "models", ids: models });

  const completion = await client.chat.completions.create({
    model: done.fine_tuned_model,
    max_tokens: 8,
    messages: [{ role: "user", content: "What pulls the oceans?" }],
  });
  print({ step: "chat", ok: true, model: completion.model, content: completion.choices[0].message.content });
} catch (e) {
  print({ ok: false, status: e.status ?? null, message: e.error?.message ?? String(e.message) });
  process.exitCode = 1;
}
