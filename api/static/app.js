// leadcrawl's page: a client of the public API with the user's key (docs/web.md).
// No framework and no build step: the DOM, fetch() and streams.
"use strict";

const T = JSON.parse(document.getElementById("messages").textContent);
const KEY = "leadcrawl.apiKey"; // sessionStorage: gone when the tab closes
const FINAL = ["done", "error", "cancelled"];
const SOCIAL = /^social_/;
const REFRESH_MS = 1000; // at most one read of the rows a second while a job runs
const $ = (id) => document.getElementById(id);

const state = { list: null, job: null, rows: [], follow: null, refresh: 0 };

function t(key, values = {}) {
  let text = T[key] ?? key;
  for (const [name, value] of Object.entries(values)) {
    text = text.replaceAll(`{${name}}`, String(value));
  }
  return text;
}

const number = new Intl.NumberFormat(document.documentElement.lang);
const cost = new Intl.NumberFormat(document.documentElement.lang, {
  maximumFractionDigits: 4,
});

// ------------------------------------------------------------------ the API

class ApiError extends Error {
  constructor(status, body) {
    super(body.detail || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, { method = "GET", json, form, headers = {}, signal } = {}) {
  const init = {
    method,
    signal,
    headers: { ...headers, Authorization: `Bearer ${sessionStorage.getItem(KEY)}` },
  };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers["Content-Type"] = "application/json";
  }
  if (form !== undefined) init.body = form;
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, { code: "network", detail: String(error) });
  }
  if (!response.ok) {
    let body;
    try {
      body = await response.json();
    } catch {
      body = { code: "http", detail: `HTTP ${response.status}` };
    }
    throw new ApiError(response.status, body);
  }
  return response;
}

/** The API's error in plain language; its own detail when we have no sentence. */
function explain(error) {
  if (!(error instanceof ApiError)) return String(error);
  const { code, detail, estimate, ceiling } = error.body;
  const sentence = T[`error_${code}`];
  if (sentence === undefined) return detail || t("error_http");
  const amount = (value) => (typeof value === "number" ? cost.format(value) : value);
  return t(`error_${code}`, { estimate: amount(estimate), ceiling: amount(ceiling), detail });
}

function showError(error) {
  say("");
  const box = $("error");
  box.textContent = explain(error);
  box.hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

function say(text) {
  $("status").textContent = text;
}

/** Run an action from a control: errors shown, the control disabled meanwhile. */
function action(control, run) {
  return async (event) => {
    event?.preventDefault();
    clearError();
    if (control) control.disabled = true;
    try {
      await run(event);
    } catch (error) {
      if (error.name !== "AbortError") showError(error);
    } finally {
      if (control) control.disabled = false;
    }
  };
}

// ------------------------------------------------------------------ the key

function showKeyState() {
  const saved = Boolean(sessionStorage.getItem(KEY));
  $("key-form").hidden = saved;
  $("key-saved").hidden = !saved;
  for (const id of ["upload-section", "jobs-section"]) $(id).hidden = !saved;
  if (!saved) {
    for (const id of ["preview-section", "job-section"]) $(id).hidden = true;
  }
}

async function useKey() {
  sessionStorage.setItem(KEY, $("api-key").value.trim());
  $("api-key").value = "";
  try {
    await loadJobs(); // proves the key
  } catch (error) {
    sessionStorage.removeItem(KEY);
    throw error;
  }
  showKeyState();
  say(t("key_ok"));
}

function forgetKey() {
  stopFollowing();
  sessionStorage.removeItem(KEY);
  state.list = state.job = null;
  showKeyState();
  say(t("key_forgotten"));
  $("api-key").focus();
}

// ------------------------------------------------------------------ tables

function cell(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function columnsOf(rows) {
  const seen = new Set();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function fillTable(table, rows, columns = columnsOf(rows)) {
  const head = document.createElement("tr");
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      for (const column of columns) {
        const td = document.createElement("td");
        td.textContent = cell(row[column]);
        tr.append(td);
      }
      return tr;
    }),
  );
}

// ------------------------------------------------------------------ the list

async function upload(file) {
  if (!file) return;
  $("preview-section").hidden = true;
  say(t("upload_reading", { name: file.name }));
  const form = new FormData();
  form.append("file", file);
  const list = await (await api("/api/lists", { method: "POST", form })).json();
  state.list = { ...list, upload: randomId() };
  $("list-summary").textContent = t("list_summary", {
    name: file.name,
    count: number.format(list.count),
    eligible: number.format(list.eligible),
  });
  fillTable($("preview"), list.preview, list.columns);
  $("cost-emails").textContent = t("cost", { cost: cost.format(list.estimate.emails_normal) });
  $("cost-socials").textContent = t("cost", { cost: cost.format(list.estimate.socials) });
  $("cost-deep").textContent = t("cost_at_most", { cost: cost.format(list.estimate.emails_deep) });
  showEstimate();
  $("preview-section").hidden = false;
  say(t("upload_done", { count: number.format(list.count) }));
  $("preview-title").scrollIntoView({ block: "start" });
}

function chosenModule() {
  return document.querySelector("input[name=module]:checked").value;
}

function showEstimate() {
  const list = state.list;
  const estimate = chosenModule() === "socials" ? list.estimate.socials : list.estimate.emails_normal;
  $("estimate").textContent = t("estimate", {
    cost: cost.format(estimate),
    eligible: number.format(list.eligible),
  });
}

async function start() {
  const items = state.list.items;
  const once = `${state.list.upload}-${chosenModule()}`;
  const job =
    chosenModule() === "socials"
      ? await createJob("socials", { items }, once)
      : await createJob("emails", { items, mode: "normal" }, once);
  await openJob(job.id);
}

/**
 * Create a job. ``once`` names the user's intent (this upload, this module; this job,
 * this follow-up): a second click or a retry sends the same Idempotency-Key and gets
 * the job the first one created, not a twin.
 */
async function createJob(jobType, body, once) {
  const headers = { "Idempotency-Key": once };
  const answer = await api(`/api/jobs/${jobType}`, { method: "POST", json: body, headers });
  const job = await answer.json();
  loadJobs().catch(showError);
  return job;
}

function randomId() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

// ------------------------------------------------------------------ a job

function moduleName(job) {
  if (job.job_type === "socials") return t("module_socials");
  return job.mode === "deep" ? t("module_deep") : t("module_emails");
}

async function openJob(jobId) {
  stopFollowing();
  state.job = { id: jobId };
  state.rows = [];
  fillTable($("rows"), []);
  $("job-section").hidden = false;
  const job = await refresh();
  $("job-title").scrollIntoView({ block: "start" });
  if (!FINAL.includes(job.status)) follow(jobId);
}

/** Read the job and its rows again and show them. */
async function refresh() {
  const jobId = state.job.id;
  const [job, rows] = await Promise.all([
    api(`/api/jobs/${jobId}`).then((r) => r.json()),
    api(`/api/jobs/${jobId}/results?format=json`).then((r) => r.json()),
  ]);
  if (state.job?.id !== jobId) return job; // another job was opened meanwhile
  state.job = job;
  state.rows = rows;
  showJob(job);
  return job;
}

/** Refresh at most once a second, however fast progress events come. */
function refreshSoon() {
  if (state.refresh) return;
  state.refresh = setTimeout(() => {
    state.refresh = 0;
    refresh().catch(showError);
  }, REFRESH_MS);
}

function showProgress(done, total) {
  const bar = $("progress");
  bar.setAttribute("aria-valuemax", total);
  bar.setAttribute("aria-valuenow", done);
  bar.setAttribute("aria-valuetext", t("progress", { done, total }));
  $("progress-bar").style.width = total ? `${(100 * done) / total}%` : "0";
  $("progress-text").textContent = t("progress", {
    done: number.format(done),
    total: number.format(total),
  });
}

function showJob(job) {
  const final = FINAL.includes(job.status);
  $("job-section").dataset.job = job.id;
  $("job-title").textContent = t("job_title", { module: moduleName(job), id: job.id });
  showProgress(job.sites_done, job.sites_total);
  $("job-status").textContent = t(`status_${job.status}`);
  $("job-status").dataset.status = job.status;
  $("job-cost").textContent = t("job_cost", {
    estimate: cost.format(job.ef_cost),
    billed: cost.format(job.ef_cost_billed),
  });
  const rows = state.rows;
  $("count-emails").textContent = number.format(rows.filter((row) => row.email).length);
  $("count-profiles").textContent = number.format(
    rows.reduce(
      (sum, row) => sum + Object.keys(row).filter((k) => SOCIAL.test(k) && row[k]).length,
      0,
    ),
  );
  $("item-statuses").replaceChildren(
    ...Object.entries(job.item_statuses).map(([status, count]) => {
      const li = document.createElement("li");
      li.textContent = t("item_status", { label: t(`item_${status}`), count: number.format(count) });
      return li;
    }),
  );
  fillTable($("rows"), rows);
  $("cancel").hidden = final;
  const normalDone = job.status === "done" && job.job_type === "emails" && job.mode === "normal";
  $("chain-deep").hidden = !(normalDone && rows.some((row) => !row.email));
  $("chain-socials").hidden = !(final && job.job_type === "emails");
  $("chain-emails").hidden = !(final && job.job_type === "socials");
  if (final) say(t(`status_${job.status}`) + (job.error ? ` — ${job.error}` : ""));
}

// ------------------------------------------------------------------ live: SSE over fetch

// EventSource cannot send the Authorization header: read the stream with fetch().
function stopFollowing() {
  state.follow?.abort();
  state.follow = null;
  clearTimeout(state.refresh);
  state.refresh = 0;
}

/** Parse one server-sent event block; null for comments (heartbeats). */
function parseEvent(block) {
  const event = { id: "", event: "message", data: [] };
  for (const line of block.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") event.data.push(value);
    else if (field === "event" || field === "id") event[field] = value;
  }
  if (!event.data.length) return null;
  return { ...event, data: JSON.parse(event.data.join("\n")) };
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
  });
}

/** Follow a job's events until it ends, resuming after a cut with Last-Event-ID. */
async function follow(jobId) {
  const controller = new AbortController();
  state.follow = controller;
  const { signal } = controller;
  let lastId = "";
  let failures = 0;
  say(t("job_started"));
  while (!signal.aborted) {
    try {
      const headers = lastId ? { "Last-Event-ID": lastId } : {};
      const response = await api(`/api/jobs/${jobId}/events`, { headers, signal });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (!event) continue;
          lastId = event.id || lastId;
          failures = 0;
          if (FINAL.includes(event.event)) {
            clearTimeout(state.refresh);
            state.refresh = 0;
            await refresh();
            loadJobs().catch(showError);
            return;
          }
          if (event.event === "progress") {
            showProgress(event.data.sites_done, event.data.sites_total);
            refreshSoon();
          }
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status >= 400) {
        showError(error); // a refusal (key, job): reconnecting would not help
        return;
      }
      failures += 1;
    }
    await pause(Math.min(500 * 2 ** failures, 10000), signal); // cut: reconnect
  }
}

async function cancelJob() {
  await api(`/api/jobs/${state.job.id}/cancel`, { method: "POST" });
  stopFollowing();
  await refresh();
  loadJobs().catch(showError);
}

async function chain(jobType, mode) {
  const body = { source_job_id: state.job.id };
  if (mode) body.mode = mode;
  const job = await createJob(jobType, body, `${state.job.id}-${jobType}-${mode ?? ""}`);
  await openJob(job.id);
}

/** Download through fetch (the key never goes in a URL), saved as the server names it. */
async function download(format, sep) {
  const query = new URLSearchParams({ format });
  if (sep) query.set("sep", sep);
  const response = await api(`/api/jobs/${state.job.id}/results?${query}`);
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `leadcrawl-${state.job.id}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// ------------------------------------------------------------------ recent jobs

const when = new Intl.DateTimeFormat(document.documentElement.lang, {
  dateStyle: "short",
  timeStyle: "short",
});

async function loadJobs() {
  const { jobs } = await (await api("/api/jobs?per_page=10")).json();
  $("jobs-empty").hidden = jobs.length > 0;
  $("jobs").hidden = jobs.length === 0;
  $("jobs").tBodies[0].replaceChildren(
    ...jobs.map((job) => {
      const tr = document.createElement("tr");
      const open = document.createElement("button");
      open.type = "button";
      open.className = "link";
      open.textContent = when.format(new Date(job.created_at));
      open.setAttribute("aria-label", t("jobs_open", { id: job.id }));
      open.addEventListener("click", action(open, () => openJob(job.id)));
      const cells = [
        open,
        moduleName(job),
        t(`status_${job.status}`),
        number.format(job.items_count),
        `${number.format(job.sites_done)} / ${number.format(job.sites_total)}`,
        cost.format(job.ef_cost),
      ];
      for (const content of cells) {
        const td = document.createElement("td");
        td.append(content);
        tr.append(td);
      }
      tr.dataset.job = job.id;
      return tr;
    }),
  );
}

// ------------------------------------------------------------------ wiring

function wire() {
  $("key-form").addEventListener("submit", action($("key-form").querySelector("button"), useKey));
  $("forget").addEventListener("click", forgetKey);

  const drop = $("drop");
  const file = $("file");
  file.addEventListener(
    "change",
    action(null, async () => {
      const chosen = file.files[0];
      file.value = ""; // the same file can be chosen again
      await upload(chosen);
    }),
  );
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener(
    "drop",
    action(null, async (event) => {
      drop.classList.remove("over");
      await upload(event.dataTransfer.files[0]);
    }),
  );

  for (const radio of document.querySelectorAll("input[name=module]")) {
    radio.addEventListener("change", showEstimate);
  }
  $("start-form").addEventListener("submit", action($("start"), start));
  $("cancel").addEventListener("click", action($("cancel"), cancelJob));
  $("chain-deep").addEventListener("click", action($("chain-deep"), () => chain("emails", "deep")));
  $("chain-socials").addEventListener("click", action($("chain-socials"), () => chain("socials")));
  $("chain-emails").addEventListener("click", action($("chain-emails"), () => chain("emails", "normal")));
  const downloads = { csv: ["csv"], "csv-excel": ["csv", ";"], xlsx: ["xlsx"], json: ["json"] };
  for (const [id, [format, sep]] of Object.entries(downloads)) {
    const button = $(`download-${id}`);
    button.addEventListener("click", action(button, () => download(format, sep)));
  }

  showKeyState();
  if (sessionStorage.getItem(KEY)) loadJobs().catch(showError);
}

wire();
