// tenor's page: protocol version 1 over one WebSocket (see docs/protocol.md). No build step.
const PROTOCOL_VERSION = 1;
const $ = (id) => document.getElementById(id);

// Counters the browser tests read; harmless for people.
const stats = { audioFrames: 0, audioSeconds: 0, flushes: 0, dropped: 0, messages: [] };
window.tenorStats = stats;

let ws = null;
let ctx = null;          // one AudioContext for capture and playback
let outRate = 22050;     // reply audio rate, from "ready"
let mic = null;          // { stream, node, source }
let nextTime = 0;        // when the next reply frame starts playing (ctx time)
let sources = [];        // scheduled reply audio, stopped on a flush
let flushedTurn = 0;     // reply audio of this turn and older is dropped
let replyItem = null;    // the <li> of the reply being written
let moodOn = true;

function say(text) { $("status").textContent = text; }

function addLine(kind, text) {
  const li = document.createElement("li");
  li.className = kind;
  li.textContent = text;
  $("log").appendChild(li);
  return li;
}

async function audioContext() {
  if (!ctx) ctx = new AudioContext();
  if (ctx.state !== "running") await ctx.resume();
  return ctx;
}

function send(obj) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj));
}

function play(turn, pcmBytes) {
  if (turn <= flushedTurn || !ctx) { stats.dropped++; return; }
  const pcm = new Int16Array(pcmBytes);
  if (!pcm.length) return;
  const buf = ctx.createBuffer(1, pcm.length, outRate);
  const ch = buf.getChannelData(0);
  for (let i = 0; i < pcm.length; i++) ch[i] = pcm[i] / 32768;
  const src = ctx.createBufferSource();
  src.buffer = buf;
  src.connect(ctx.destination);
  const at = Math.max(ctx.currentTime + 0.01, nextTime);
  src.start(at);
  nextTime = at + buf.duration;
  sources.push(src);
  src.onended = () => { sources = sources.filter((s) => s !== src); };
  stats.audioFrames++;
  stats.audioSeconds += buf.duration;
}

function flush(turn) {
  flushedTurn = Math.max(flushedTurn, turn);
  for (const s of sources) { try { s.stop(); } catch (e) { /* already ended */ } }
  sources = [];
  nextTime = 0;
  stats.flushes++;
}

function showMood(m) {
  const dot = $("mood-dot");
  dot.setAttribute("cx", String(100 + m.valence * 90));
  dot.setAttribute("cy", String(100 - m.arousal * 90));
  dot.setAttribute("visibility", "visible");
  dot.classList.toggle("uncertain", m.uncertain);
  const pct = Math.round(m.confidence * 100);
  $("mood-label").textContent = m.uncertain
    ? `uncertain (best guess ${m.label}, ${pct}%): tenor will not assume how you feel`
    : `${m.label} (${pct}% confidence), valence ${m.valence.toFixed(2)}, arousal ${m.arousal.toFixed(2)}`;
}

function onMessage(msg) {
  stats.messages.push(msg.type);
  switch (msg.type) {
    case "ready":
      outRate = msg.audio_out.sample_rate_hz || outRate;
      moodOn = msg.settings.mood;
      $("mood-toggle").checked = moodOn;
      // What the person must be told about the settings in force (the EU preset, mood off).
      $("notices").replaceChildren(...(msg.notices || []).map((text) => {
        const li = document.createElement("li");
        li.textContent = text;
        return li;
      }));
      $("mic").disabled = false;
      say("Ready. Press “Start talking”, or type below.");
      break;
    case "state":
      say({ idle: "Ready.", listening: "Listening…", thinking: "Thinking…", speaking: "Speaking…" }[msg.state] || msg.state);
      $("stop-reply").disabled = !(msg.state === "thinking" || msg.state === "speaking");
      break;
    case "speech":
      $("hearing").textContent = msg.speaking ? "Hearing you…" : "";
      break;
    case "transcript":
      if (!msg.final) { $("partial").textContent = msg.text; break; }
      $("partial").textContent = "";
      if (msg.text) addLine("you", msg.text);
      else addLine("note", "(no words heard)");
      break;
    case "mood": showMood(msg); break;
    case "tone": $("tone").textContent = msg.name; break;
    case "safety":
      if (msg.action !== "allow") {
        const li = document.createElement("li");
        const what = msg.categories.length ? msg.categories.join(", ").replaceAll("_", " ") : "a sensitive topic";
        li.textContent = `${msg.stage === "input" ? "Your message" : "A reply sentence"}: ${msg.action} (${what})`;
        $("safety").appendChild(li);
      }
      break;
    case "turn_started": replyItem = null; break;
    case "reply":
      if (!replyItem) replyItem = addLine("tenor", "");
      replyItem.textContent = (replyItem.textContent + " " + msg.text).trim();
      break;
    case "flush": flush(msg.turn); break;
    case "interrupted":
      // Show only what was heard of the reply, as the history keeps it.
      if (replyItem && typeof msg.heard === "string") replyItem.textContent = msg.heard || "(nothing heard)";
      addLine("note", "(interrupted)");
      break;
    case "settings":
      moodOn = msg.mood;
      $("mood-toggle").checked = moodOn;
      if (!moodOn) { $("mood-label").textContent = "Mood inference is off."; $("mood-dot").setAttribute("visibility", "hidden"); }
      else { $("mood-label").textContent = "No mood read yet."; }
      break;
    case "forgotten":
      $("log").replaceChildren();
      $("safety").replaceChildren();
      addLine("note", "This conversation was forgotten.");
      break;
    case "error": addLine("note", `Error: ${msg.message}`); break;
    default: break;
  }
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  ws = new WebSocket(`${scheme}://${location.host}/ws`);
  ws.binaryType = "arraybuffer";
  ws.onopen = () => send({ type: "hello", version: PROTOCOL_VERSION });
  ws.onmessage = (e) => {
    if (typeof e.data === "string") onMessage(JSON.parse(e.data));
    else play(new DataView(e.data).getUint32(0, true), e.data.slice(4));
  };
  ws.onclose = () => { say("Disconnected. Reload the page to reconnect."); $("mic").disabled = true; };
}

async function startMic() {
  const c = await audioContext();
  await c.audioWorklet.addModule("/static/mic-worklet.js");
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const source = c.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(c, "mic-capture");
  const mute = c.createGain();
  mute.gain.value = 0;
  source.connect(node).connect(mute).connect(c.destination);
  send({ type: "start", sample_rate_hz: c.sampleRate, encoding: "pcm16", channels: 1 });
  node.port.onmessage = (e) => { if (ws.readyState === WebSocket.OPEN) ws.send(e.data); };
  mic = { stream, node, source };
}

function stopMic() {
  if (!mic) return;
  mic.node.port.onmessage = null;
  mic.source.disconnect();
  mic.node.disconnect();
  mic.stream.getTracks().forEach((t) => t.stop());
  mic = null;
  send({ type: "stop" });
}

$("mic").addEventListener("click", async () => {
  const btn = $("mic");
  if (mic) { stopMic(); btn.textContent = "Start talking"; btn.setAttribute("aria-pressed", "false"); return; }
  try {
    await startMic();
    btn.textContent = "Stop talking";
    btn.setAttribute("aria-pressed", "true");
  } catch (err) {
    addLine("note", `Microphone unavailable: ${err.message}`);
  }
});
$("stop-reply").addEventListener("click", () => send({ type: "interrupt" }));
$("text-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  await audioContext();
  send({ type: "text", text });
  $("text").value = "";
});
$("mood-toggle").addEventListener("change", (e) => send({ type: "settings", mood: e.target.checked }));
$("forget").addEventListener("click", () => {
  if (confirm("Forget this whole conversation? It is deleted from this computer.")) send({ type: "forget" });
});
connect();
